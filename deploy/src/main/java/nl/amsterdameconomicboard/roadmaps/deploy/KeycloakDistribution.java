package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;

/** Keycloak's own distribution (the Maven Central zip that the build copies to deploy/target), unpacked once per data dir. */
final class KeycloakDistribution {

    static final String MRA_REALM_FILE = "mra-realm.json";

    private KeycloakDistribution() {
    }

    static String version() {
        try (InputStream in = KeycloakDistribution.class.getResourceAsStream("/platform.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new IllegalStateException("platform.properties is missing from the launcher", e);
        }
    }

    /**
     * The unpacked distribution with the realm files of deploy/keycloak in its import folder: realm mra and the realms
     * that stand in for partner organisations' own sign-in. Their URLs name the gateway's and Keycloak's ports, so that
     * a moved gateway (GATEWAY_PORT) or Keycloak (KEYCLOAK_PORT) still signs people in; a registered challenge missing
     * from the mra realm file gets its editor role and demo user.
     */
    static Path install(Path root, Path dataDir, int gatewayPort, int keycloakPort, ChallengeRegistry registry) throws IOException {
        Path home = dataDir.resolve("keycloak").resolve("keycloak-" + version());
        Path complete = home.resolve(".unpacked");
        if (!Files.exists(complete)) {
            Path zip = root.resolve("deploy/target/keycloak/keycloak.zip");
            if (!Files.exists(zip)) {
                throw new IOException("Keycloak's distribution is missing at " + zip + ": build first (./mvnw -DskipTests package)");
            }
            unzip(zip, home.getParent());
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
            Files.writeString(complete, version());
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        try (Stream<Path> old = Files.list(imports)) {
            // a realm file removed from deploy/keycloak is not imported again from an earlier copy
            for (Path file : old.filter(KeycloakDistribution::isRealmFile).toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(root.resolve("deploy/keycloak"))) {
            for (Path file : files.filter(KeycloakDistribution::isRealmFile).sorted().toList()) {
                String realm = Files.readString(file);
                if (file.getFileName().toString().equals(MRA_REALM_FILE)) {
                    realm = RealmChallengeUsers.complete(realm, registry);
                }
                Files.writeString(imports.resolve(file.getFileName()), realm
                        .replace("://localhost:8080", "://localhost:" + gatewayPort)
                        .replace("://127.0.0.1:8080", "://127.0.0.1:" + gatewayPort)
                        .replace("://127.0.0.1:8180", "://127.0.0.1:" + keycloakPort));
            }
        }
        return home;
    }

    private static boolean isRealmFile(Path file) {
        return file.getFileName().toString().endsWith("-realm.json");
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("Refusing zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        file.toFile().setExecutable(true);
                    }
                }
            }
        }
    }
}

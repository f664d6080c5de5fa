package nl.amsterdameconomicboard.roadmaps.deploy;

import java.util.HashSet;
import java.util.Set;
import nl.amsterdameconomicboard.roadmaps.registry.Challenge;
import nl.amsterdameconomicboard.roadmaps.registry.ChallengeRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every registered challenge needs its editor role ({@code <code>-editor}) and, in the local demo realm, its demo user
 * ({@code <code>-lead}, password demo). The realm file holds them for the Board's challenges; a challenge added to the
 * registry gets them here, when the launcher prepares the realm import, so that adding a challenge needs no realm edit.
 * A new lead gets the demo password as the realm file's demo users have it: hashed, because the realm's password
 * policy refuses "demo" in plain text (Keycloak then refuses the whole import). Likewise its team's machine client
 * {@code <code>-importer} (client-credentials grant, local demo secret {@code local-demo-<code>-importer}), shaped as the
 * realm file's importers are, whose service account has the challenge's editor role and nothing else.
 */
final class RealmChallengeUsers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RealmChallengeUsers() {
    }

    static String complete(String realmJson, ChallengeRegistry registry) {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmJson);
        ArrayNode roles = (ArrayNode) realm.path("roles").path("realm");
        ArrayNode users = (ArrayNode) realm.path("users");
        ArrayNode clients = (ArrayNode) realm.path("clients");
        Set<String> roleNames = names(roles, "name");
        Set<String> usernames = names(users, "username");
        Set<String> clientIds = names(clients, "clientId");
        boolean changed = false;
        for (Challenge challenge : registry.challenges()) {
            String role = challenge.code() + "-editor";
            if (roleNames.add(role)) {
                roles.addObject().put("name", role).put("description", "Challenge team of " + challenge.code() + ": edits its roadmap");
                changed = true;
            }
            String username = challenge.code() + "-lead";
            if (usernames.add(username)) {
                JsonNode credentials = demoCredentials(users).deepCopy();
                ObjectNode user = users.addObject().put("username", username).put("enabled", true).put("emailVerified", true)
                        .put("email", username + "@demo.mra.local").put("firstName", challenge.name().en()).put("lastName", "Lead");
                user.set("credentials", credentials);
                user.putArray("realmRoles").add("default-roles-mra").add(role);
                changed = true;
            }
            String importer = importerOf(challenge.code());
            if (clientIds.add(importer)) {
                ObjectNode client = (ObjectNode) importerTemplate(clients).deepCopy();
                client.put("clientId", importer).put("name", "Nightly import of the " + challenge.code() + " team")
                        .put("description", "Machine client of the " + challenge.code() + " team: client-credentials grant only; its "
                                + "service account has the role " + role + ". LOCAL DEMO SECRET")
                        .put("secret", localDemoSecretOf(challenge.code()));
                clients.add(client);
                ObjectNode account = users.addObject().put("username", "service-account-" + importer).put("enabled", true)
                        .put("serviceAccountClientId", importer);
                account.putArray("realmRoles").add(role);
                changed = true;
            }
        }
        // an unchanged realm stays byte for byte as written
        return changed ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm) : realmJson;
    }

    /** A challenge team's machine client, for its scripts (client-credentials grant). */
    static String importerOf(String challenge) {
        return challenge + "-importer";
    }

    /** The local demo secret of a team's machine client: the realm file's, and what ./platform up prints. */
    static String localDemoSecretOf(String challenge) {
        return "local-demo-" + importerOf(challenge);
    }

    /** The realm file's first team machine client, whose settings (grant, audience) a new challenge's importer shares. */
    private static JsonNode importerTemplate(ArrayNode clients) {
        for (JsonNode client : clients) {
            if (client.path("clientId").asString().endsWith("-importer") && client.path("serviceAccountsEnabled").asBoolean()) {
                return client;
            }
        }
        throw new IllegalStateException("The realm file has no team machine client (<challenge>-importer) for a new challenge's to copy");
    }

    /** The hashed demo password of the realm file's first demo user. */
    private static JsonNode demoCredentials(ArrayNode users) {
        for (JsonNode user : users) {
            JsonNode credentials = user.path("credentials");
            if (credentials.isArray() && !credentials.isEmpty() && credentials.get(0).has("secretData")) {
                return credentials;
            }
        }
        throw new IllegalStateException("The realm file has no demo user with a hashed password for the new challenge leads to share");
    }

    private static Set<String> names(ArrayNode nodes, String field) {
        Set<String> names = new HashSet<>();
        for (JsonNode node : nodes) {
            names.add(node.path(field).asString());
        }
        return names;
    }
}

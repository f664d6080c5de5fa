package nl.amsterdameconomicboard.roadmaps.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeRegistryTest {

    private static final String ENERGY = """
            {"code": "energy", "name": {"nl": "Energietransitie", "en": "Energy transition"}, "port": 8087, "colour": "#7a5c00", "position": 6}""";

    @TempDir
    Path dir;

    @Test
    void theBuiltInRegistryHoldsTheFiveChallengesInOverviewOrder() {
        ChallengeRegistry registry = ChallengeRegistry.builtIn();
        assertThat(registry.codes()).containsExactly("circular", "mobility", "health", "digital", "talent");
        assertThat(registry.find("digital")).hasValueSatisfying(digital -> {
            assertThat(digital.name()).isEqualTo(new Challenge.Name("Digitale connectiviteit", "Digital connectivity"));
            assertThat(digital.port()).isEqualTo(8084);
            assertThat(digital.service()).isEqualTo("digital-service");
            assertThat(digital.variablePrefix()).isEqualTo("DIGITAL");
        });
        assertThat(registry.challenges()).allSatisfy(c -> assertThat(ChallengeRegistry.contrastOnWhite(c.colour())).isGreaterThanOrEqualTo(4.5));
    }

    @Test
    void theVariableReplacesTheBuiltInRegistryAndTheOverviewFollowsPositionNotFileOrder() throws Exception {
        Path file = dir.resolve("challenges.json");
        Files.writeString(file, "[" + ENERGY + ", " + entry("talent", 8085, 1) + "]");

        ChallengeRegistry registry = ChallengeRegistry.load(Map.of(ChallengeRegistry.LOCATION_VARIABLE, file.toString())::get);

        assertThat(registry.codes()).containsExactly("talent", "energy");
        assertThat(registry.source()).contains(file.toString());
        assertThat(ChallengeRegistry.load(Map.<String, String>of()::get).codes()).hasSize(5);
    }

    @Test
    void aDuplicateCodePortOrPositionNamesTheEntryAndTheEarlierOne() {
        assertRefused("[" + entry("circular", 8081, 1) + ", " + entry("circular", 8090, 2) + "]",
                "entry 2 (circular): duplicate code circular, already declared by circular");
        assertRefused("[" + entry("circular", 8081, 1) + ", " + entry("energy", 8081, 2) + "]",
                "entry 2 (energy): duplicate port 8081, already declared by circular");
        assertRefused("[" + entry("circular", 8081, 1) + ", " + entry("energy", 8087, 1) + "]",
                "entry 2 (energy): duplicate position 1, already declared by circular");
    }

    @Test
    void aCodeThatCannotServeAsPathRoleAndVariableIsRefused() {
        for (String code : new String[] {"Energy", "energy-transition", "9lives", "e", "energy transition"}) {
            assertRefused("[" + entry(code, 8087, 1) + "]", "code '" + code + "' must be 2-30 lower case letters or digits");
        }
        assertRefused("[" + entry("scorecards", 8087, 1) + "]", "code 'scorecards' is taken by the platform's own API");
    }

    @Test
    void missingNamesUnreadableColoursAndBadPortsAreRefused() {
        assertRefused("[{\"code\": \"energy\", \"name\": {\"nl\": \"Energie\", \"en\": \" \"}, \"port\": 8087, \"colour\": \"#7a5c00\", \"position\": 1}]",
                "entry 1 (energy): needs a name in Dutch and in English");
        assertRefused("[" + ENERGY.replace("#7a5c00", "#ffbf47") + "]", "colour #ffbf47 has a contrast of 1.");
        assertRefused("[" + ENERGY.replace("#7a5c00", "brown") + "]", "colour 'brown' must be #rrggbb");
        assertRefused("[" + ENERGY.replace("8087", "80") + "]", "port 80 is not between 1024 and 65535");
        assertRefused("[" + ENERGY.replace("\"position\": 6", "\"position\": 0") + "]", "position 0 must be 1 or more");
    }

    @Test
    void aMalformedFileSaysWhatShapeItExpects() {
        assertRefused("{\"challenges\": []}", "is not a list of challenges {code, name {nl, en}, port, colour, position}");
        assertRefused("[" + ENERGY.replace("\"colour\"", "\"color\"") + "]", "is not a list of challenges");
        assertRefused("[" + ENERGY.replace(", \"port\": 8087", "") + "]", "Missing creator property 'port'");
        assertRefused("[" + ENERGY.replace(", \"en\": \"Energy transition\"", "") + "]", "Missing creator property 'en'");
        assertRefused("[]", "declares no challenge");
        assertRefused("[null]", "entry 1: is empty");
    }

    @Test
    void aMissingFileNamesTheVariable() {
        Path missing = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> ChallengeRegistry.load(Map.of(ChallengeRegistry.LOCATION_VARIABLE, missing.toString())::get))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("CHALLENGE_REGISTRY");
    }

    private static String entry(String code, int port, int position) {
        return "{\"code\": \"" + code + "\", \"name\": {\"nl\": \"N\", \"en\": \"N\"}, \"port\": " + port
                + ", \"colour\": \"#1d70b8\", \"position\": " + position + "}";
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> ChallengeRegistry.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"))
                .isInstanceOf(InvalidRegistryException.class)
                .hasMessageContaining("test.json")
                .hasMessageContaining(message);
    }
}

package nl.amsterdameconomicboard.roadmaps.challenge.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import nl.amsterdameconomicboard.roadmaps.challenge.ChallengeProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of the roadmap document that only this challenge has ({@code specifics} in its seed): circular's
 * material streams, health's 4P profile, digital's cross-overs, talent's tracked programmes, key figures.
 */
@Component
public class SeedSpecifics {

    private final JsonNode specifics;
    private final JsonMapper json;

    SeedSpecifics(ChallengeProperties challenge, JsonMapper json) {
        this.json = json;
        try (InputStream in = challenge.seed().getInputStream()) {
            JsonNode node = json.readTree(in).get("specifics");
            this.specifics = node == null ? json.createObjectNode() : node;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + challenge.seed(), e);
        }
    }

    public JsonNode all() {
        return specifics;
    }

    /** One part, read as {@code type} (e.g. a record of the service's own). */
    public <T> T read(String field, Class<T> type) {
        JsonNode node = specifics.get(field);
        if (node == null) {
            throw new IllegalStateException("The seed has no specifics." + field);
        }
        return json.treeToValue(node, type);
    }
}

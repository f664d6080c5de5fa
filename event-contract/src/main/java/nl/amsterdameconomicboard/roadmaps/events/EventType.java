package nl.amsterdameconomicboard.roadmaps.events;

import java.net.URI;

/**
 * A kind of roadmap event and the version of its payload. The CloudEvents {@code type} carries both,
 * e.g. {@code nl.amsterdameconomicboard.roadmap.milestone.status-changed.v1}: a consumer that does not
 * know a version refuses the event instead of misreading it.
 */
public record EventType(String name, int version) {

    static final String PREFIX = "nl.amsterdameconomicboard.roadmap.";

    public String type() {
        return PREFIX + name + ".v" + version;
    }

    /** Where the JSON Schema of the payload lives, in this module's resources. */
    public URI dataSchema() {
        return URI.create("/schemas/" + name + ".v" + version + ".json");
    }

    @Override
    public String toString() {
        return type();
    }
}

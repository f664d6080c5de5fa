package nl.amsterdameconomicboard.roadmaps.challenge.circular;

import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One of the nine priority material streams (prioritaire grondstofstromen) the Board chose with the MRA
 * municipalities, with its recycling aim. Initiatives name the streams they work on with the tag
 * {@code material-stream:<code>}.
 */
@Document("material_streams")
public record MaterialStream(@Id String code, int rank, BilingualText name, BilingualText recyclingAim) {

    public static final String TAG_PREFIX = "material-stream:";

    public String tag() {
        return TAG_PREFIX + code;
    }
}

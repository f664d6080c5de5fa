package nl.amsterdameconomicboard.roadmaps.scorecard.card;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public scorecard reads as written out, kept under the versions of the challenges they show, each with a strong
 * {@code ETag}: the hash of its bytes, so equal tags mean equal bytes whatever happened in between (a new database, a
 * new release). A read whose versions have not moved is answered with the kept bytes, without computing or writing
 * JSON; a client that sends the tag back ({@code If-None-Match}) gets {@code 304 Not Modified} without a body
 * ({@code Cache-Control: no-cache}: a browser may keep the answer but asks each time). At most {@value #BUDGET} bytes
 * are kept, the least recently asked for dropped first.
 */
@Component
class KeptResponses {

    static final long BUDGET = 16L * 1024 * 1024;
    /** Locks for computing: those of one answer wait for its first computation rather than making it again. */
    private static final int STRIPES = 64;

    private final JsonMapper json;
    private final Object[] stripes = new Object[STRIPES];
    private final Map<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptBytes;

    KeptResponses(JsonMapper json) {
        this.json = json;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * @param key      what is asked for (the route and its parameters, the day resolved)
     * @param versions the versions of the challenges it shows, read before {@code answer} reads their states
     * @param answer   computes the answer when none is kept under these versions
     */
    ResponseEntity<byte[]> answer(String key, List<Long> versions, Supplier<Object> answer) {
        Kept found = find(key, versions);
        if (found == null) {
            synchronized (stripes[Math.floorMod(key.hashCode(), STRIPES)]) {
                found = find(key, versions);
                if (found == null) {
                    byte[] body = json.writeValueAsBytes(answer.get());
                    found = new Kept(versions, body, tagOf(body));
                    keep(key, found);
                }
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag(found.etag()).cacheControl(CacheControl.noCache())
                .body(found.body());
    }

    private Kept find(String key, List<Long> versions) {
        synchronized (kept) {
            Kept found = kept.get(key);
            return found != null && found.versions().equals(versions) ? found : null;
        }
    }

    private void keep(String key, Kept answer) {
        synchronized (kept) {
            Kept before = kept.put(key, answer);
            keptBytes += answer.body().length - (before == null ? 0 : before.body().length);
            var eldest = kept.entrySet().iterator();
            while (keptBytes > BUDGET && kept.size() > 1 && eldest.hasNext()) {
                Map.Entry<String, Kept> dropped = eldest.next();
                if (!dropped.getKey().equals(key)) {
                    keptBytes -= dropped.getValue().body().length;
                    eldest.remove();
                }
            }
        }
    }

    /** 128 bits of the SHA-256 of the bytes: a strong validator, equal only for equal bytes. */
    private static String tagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private record Kept(List<Long> versions, byte[] body, String etag) {
    }
}

package nl.amsterdameconomicboard.roadmaps.gateway.session;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The AES key that seals {@link SignInCookie}: made once at random and kept in the session store (collection
 * {@value #COLLECTION}), so that every gateway replica, and a restarted one, opens what another sealed. Nothing to
 * configure, and no secret for production to forget. Rotating it: delete its document and restart the gateways
 * (sign-ins under way then fail once and are started again; signed-in sessions are not affected).
 */
final class SignInKey {

    static final String COLLECTION = "keys";
    static final String ID = "sign-in-cookie";

    private static final SecureRandom random = new SecureRandom();

    private final Mono<SecretKey> key;

    SignInKey(ReactiveMongoTemplate mongo) {
        this.key = Mono.defer(() -> {
                    byte[] fresh = new byte[32];
                    random.nextBytes(fresh);
                    // whichever replica comes first stores its key; every other one reads that one
                    return mongo.findAndModify(query(where("_id").is(ID)), new Update().setOnInsert("aes256", new Binary(fresh)),
                            FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
                })
                // two replicas inserting at the same moment: one gets a duplicate key and reads the other's on retry
                .retry(1)
                .map(document -> (SecretKey) new SecretKeySpec(document.get("aes256", Binary.class).getData(), "AES"))
                .cache(found -> Duration.ofMillis(Long.MAX_VALUE), failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    Mono<SecretKey> get() {
        return key;
    }
}

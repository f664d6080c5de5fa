package nl.amsterdameconomicboard.roadmaps.gateway.session;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.ReactiveSessionRepository;
import reactor.core.publisher.Mono;

/**
 * The gateway's sessions in MongoDB, collection {@value #COLLECTION}, one document per signed-in session: every
 * gateway replica reads the same sessions, and a restarted gateway finds them again.
 * <p>
 * Only signed-in sessions are stored. A visitor who has not signed in has nothing the gateway must remember (the
 * sign-in's authorization request travels in {@link SignInCookie}; CSRF tokens in their own cookie), so a flood of
 * anonymous requests or sign-in starts writes nothing here. A session that loses its sign-in is deleted.
 * <p>
 * A document expires {@code timeout} after the last access: MongoDB's TTL monitor removes it (index on
 * {@code expireAt}), {@link #deleteExpired()} does where the store has no such monitor (the embedded local store),
 * and a read never returns an expired session either way.
 */
final class MongoSessionRepository implements ReactiveSessionRepository<StoredSession> {

    static final String COLLECTION = "sessions";

    /** A request that only moves the last access writes it when it moved at least this much: not on every click. */
    static final Duration ACCESS_PRECISION = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(MongoSessionRepository.class);

    private final ReactiveMongoTemplate mongo;
    private final SessionAttributeCodec codec = new SessionAttributeCodec();
    private final Duration timeout;
    private final Clock clock;
    private final Set<String> reportedUnsignedAttributes = ConcurrentHashMap.newKeySet();

    MongoSessionRepository(ReactiveMongoTemplate mongo, Duration timeout, Clock clock) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The session timeout must be positive, not " + timeout);
        }
        this.mongo = mongo;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Mono<StoredSession> createSession() {
        return Mono.fromSupplier(() -> StoredSession.create(timeout, clock.instant()));
    }

    @Override
    public Mono<StoredSession> findById(String id) {
        Instant now = clock.instant();
        return mongo.findOne(query(where("_id").is(id).and("expireAt").gt(Date.from(now))), Document.class, COLLECTION)
                .flatMap(document -> {
                    try {
                        return Mono.just(read(document));
                    } catch (SessionAttributeCodec.UnreadableAttributeException e) {
                        log.warn("Session of {} cannot be read and is deleted; its user signs in again. {}",
                                document.getString("principal"), e.getMessage());
                        return deleteById(id).then(Mono.empty());
                    }
                });
    }

    @Override
    public Mono<Void> save(StoredSession session) {
        return Mono.defer(() -> {
            if (!session.isSignedIn()) {
                return forget(session);
            }
            if (session.storedId() == null) {
                return insert(session);
            }
            if (!session.getId().equals(session.storedId())) {
                String previous = session.storedId();
                return insert(session).then(deleteById(previous));
            }
            if (session.attributesChanged()) {
                Update update = new Update().set("principal", session.principal()).set("attributes", attributes(session))
                        .set("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds());
                return update(session, update);
            }
            if (session.accessMovedSinceStored().compareTo(ACCESS_PRECISION) >= 0) {
                return update(session, new Update());
            }
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.remove(query(where("_id").is(id)), COLLECTION).then();
    }

    /** Removes what has expired; returns how many. */
    Mono<Long> deleteExpired() {
        return mongo.remove(query(where("expireAt").lte(Date.from(clock.instant()))), COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    /** The TTL index: MongoDB removes a session document once its {@code expireAt} has passed. */
    Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index("expireAt", Sort.Direction.ASC).named("expireAt_ttl").expire(Duration.ZERO))
                .then();
    }

    private Mono<Void> insert(StoredSession session) {
        Document document = new Document("_id", session.getId())
                .append("principal", session.principal())
                .append("created", Date.from(session.getCreationTime()))
                .append("lastAccessed", Date.from(session.getLastAccessedTime()))
                .append("expireAt", Date.from(session.expiresAt()))
                .append("maxInactiveSeconds", session.getMaxInactiveInterval().toSeconds())
                .append("attributes", attributes(session));
        return mongo.insert(document, COLLECTION).doOnSuccess(stored -> session.markStored()).then();
    }

    /** Never an upsert: a session deleted meanwhile (signed out in another tab, expired) stays deleted. */
    private Mono<Void> update(StoredSession session, Update update) {
        update.set("lastAccessed", Date.from(session.getLastAccessedTime())).set("expireAt", Date.from(session.expiresAt()));
        return mongo.updateFirst(query(where("_id").is(session.getId())), update, COLLECTION)
                .doOnSuccess(result -> session.markStored()).then();
    }

    /** Signed out (its tokens go with it), or never signed in. */
    private Mono<Void> forget(StoredSession session) {
        if (session.storedId() != null) {
            String stored = session.storedId();
            return deleteById(stored).doOnSuccess(done -> session.markNotStored());
        }
        Set<String> names = session.getAttributeNames();
        if (!names.isEmpty() && reportedUnsignedAttributes.addAll(names)) {
            // nothing of this gateway puts anything into a session before sign-in; a change that starts to must know it is not kept
            log.warn("Session attributes {} of a visitor who has not signed in are not stored", names);
        }
        return Mono.empty();
    }

    private List<Document> attributes(StoredSession session) {
        List<Document> attributes = new ArrayList<>();
        // a list of name and value: attribute names contain dots, which MongoDB field names should not
        session.attributes().forEach((name, value) -> attributes.add(new Document("name", name).append("value", new Binary(codec.encode(name, value)))));
        return attributes;
    }

    private StoredSession read(Document document) throws SessionAttributeCodec.UnreadableAttributeException {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Document attribute : document.getList("attributes", Document.class, List.of())) {
            String name = attribute.getString("name");
            attributes.put(name, codec.decode(name, attribute.get("value", Binary.class).getData()));
        }
        return StoredSession.stored(document.getString("_id"), document.getDate("created").toInstant(),
                document.getDate("lastAccessed").toInstant(), Duration.ofSeconds(((Number) document.get("maxInactiveSeconds")).longValue()),
                attributes);
    }
}

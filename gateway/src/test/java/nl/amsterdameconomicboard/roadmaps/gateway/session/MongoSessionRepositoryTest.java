package nl.amsterdameconomicboard.roadmaps.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The session store against the embedded mongo-java-server, as the local platform runs it. */
class MongoSessionRepositoryTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private MongoClient client;
    private ReactiveMongoTemplate mongo;
    private MongoSessionRepository sessions;

    @BeforeEach
    void store() {
        client = MongoClients.create(EmbeddedSessionStore.uri());
        mongo = new ReactiveMongoTemplate(client, "sessions-" + UUID.randomUUID());
        sessions = new MongoSessionRepository(mongo, TIMEOUT, clock);
    }

    @AfterEach
    void close() {
        mongo.getMongoDatabase().flatMap(db -> reactor.core.publisher.Mono.from(db.drop())).block();
        client.close();
    }

    @Test
    void aSignedInSessionComesBackWithItsUserAndTokensFromAnyGatewayReadingTheStore() {
        StoredSession session = signedIn("mobility-lead");
        sessions.save(session).block();

        // another replica, or this gateway after a restart: a new repository on the same store
        StoredSession found = new MongoSessionRepository(mongo, TIMEOUT, clock).findById(session.getId()).block();

        assertThat(found).isNotNull();
        SecurityContext context = found.getAttribute(StoredSession.SECURITY_CONTEXT);
        OAuth2AuthenticationToken authentication = (OAuth2AuthenticationToken) context.getAuthentication();
        OidcUser user = (OidcUser) authentication.getPrincipal();
        assertThat(authentication.getName()).isEqualTo("mobility-lead");
        assertThat(authentication.getAuthorizedClientRegistrationId()).isEqualTo("keycloak");
        assertThat(user.getIdToken().getTokenValue()).isEqualTo("id-token-of-mobility-lead");
        assertThat(user.getIdToken().getIssuer().toString()).isEqualTo("http://127.0.0.1:8180/realms/mra");
        assertThat(user.getClaimAsMap("realm_access")).containsEntry("roles", List.of("mobility-editor", "default-roles-mra"));
        assertThat(user.getClaimAsString("organisation")).isEqualTo("Vervoerregio Amsterdam");
        Map<String, SessionAuthorizedClients.Tokens> tokens = found.getAttribute(SessionAuthorizedClients.ATTRIBUTE);
        assertThat(tokens.get("keycloak").accessToken().getTokenValue()).isEqualTo("access-1");
        assertThat(tokens.get("keycloak").refreshToken().getTokenValue()).isEqualTo("refresh-1");
        assertThat(found.getCreationTime()).isEqualTo(session.getCreationTime());
        assertThat(found.getMaxInactiveInterval()).isEqualTo(TIMEOUT);

        Document stored = document(session.getId());
        assertThat(stored.getString("principal")).isEqualTo("mobility-lead");
        assertThat(stored.getDate("expireAt").toInstant()).isEqualTo(clock.instant().plus(TIMEOUT));
        String serialized = stored.getList("attributes", Document.class).stream()
                .map(attribute -> new String(attribute.get("value", Binary.class).getData(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .reduce("", String::concat);
        assertThat(serialized).as("tokens, not the client registration with its secret").contains("OAuth2RefreshToken")
                .doesNotContain("registration.ClientRegistration", "clientSecret");
    }

    @Test
    void aSessionThatIsNotSignedInIsNeverStored() {
        StoredSession anonymous = sessions.createSession().block();
        anonymous.setAttribute("anything", "a visitor put here");
        sessions.save(anonymous).block();

        assertThat(count()).isZero();
        assertThat(sessions.findById(anonymous.getId()).block()).isNull();
    }

    @Test
    void theSessionMovesToItsNewIdAtSignInAndTheOldIdIsGone() {
        StoredSession session = signedIn("admin");
        sessions.save(session).block();
        String before = session.getId();

        session.changeSessionId();
        sessions.save(session).block();

        assertThat(sessions.findById(before).block()).isNull();
        assertThat(sessions.findById(session.getId()).block()).isNotNull();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aRequestThatOnlyMovesTheLastAccessKeepsTokensAnotherRequestRefreshedMeanwhile() {
        StoredSession session = signedIn("talent-lead");
        sessions.save(session).block();
        StoredSession refreshing = sessions.findById(session.getId()).block();
        StoredSession reading = sessions.findById(session.getId()).block();

        refreshing.setAttribute(SessionAuthorizedClients.ATTRIBUTE, SignedInUser.tokens("talent-lead", "access-2", clock.instant(),
                Duration.ofMinutes(5), "refresh-2"));
        sessions.save(refreshing).block();
        clock.advance(Duration.ofMinutes(2));
        reading.setLastAccessedTime(clock.instant());
        sessions.save(reading).block();

        StoredSession found = sessions.findById(session.getId()).block();
        Map<String, SessionAuthorizedClients.Tokens> tokens = found.getAttribute(SessionAuthorizedClients.ATTRIBUTE);
        assertThat(tokens.get("keycloak").accessToken().getTokenValue()).isEqualTo("access-2");
        assertThat(found.getLastAccessedTime()).isEqualTo(clock.instant());
        assertThat(document(session.getId()).getDate("expireAt").toInstant()).isEqualTo(clock.instant().plus(TIMEOUT));
    }

    @Test
    void aLastAccessOnlySecondsLaterIsNotWrittenAgain() {
        StoredSession session = signedIn("board");
        sessions.save(session).block();
        Instant stored = session.getLastAccessedTime();

        StoredSession next = sessions.findById(session.getId()).block();
        next.setLastAccessedTime(stored.plus(MongoSessionRepository.ACCESS_PRECISION.minusSeconds(1)));
        sessions.save(next).block();
        assertThat(document(session.getId()).getDate("lastAccessed").toInstant()).isEqualTo(stored);

        next.setLastAccessedTime(stored.plus(MongoSessionRepository.ACCESS_PRECISION));
        sessions.save(next).block();
        assertThat(document(session.getId()).getDate("lastAccessed").toInstant()).isEqualTo(stored.plus(MongoSessionRepository.ACCESS_PRECISION));
    }

    @Test
    void aSessionSignedOutMeanwhileIsNotBroughtBackByALaterSave() {
        StoredSession session = signedIn("partner");
        sessions.save(session).block();
        StoredSession inFlight = sessions.findById(session.getId()).block();

        sessions.deleteById(session.getId()).block();
        inFlight.setAttribute(SessionAuthorizedClients.ATTRIBUTE, SignedInUser.tokens("partner", "access-9", clock.instant(),
                Duration.ofMinutes(5), "refresh-9"));
        clock.advance(Duration.ofMinutes(1));
        inFlight.setLastAccessedTime(clock.instant());
        sessions.save(inFlight).block();

        assertThat(count()).isZero();
    }

    @Test
    void aSessionThatLosesItsSignInIsDeleted() {
        StoredSession session = signedIn("admin");
        sessions.save(session).block();

        session.removeAttribute(StoredSession.SECURITY_CONTEXT);
        sessions.save(session).block();

        assertThat(count()).isZero();
    }

    @Test
    void anIdleSessionExpiresAfterTheTimeoutAndIsSweptAway() {
        StoredSession session = signedIn("circular-lead");
        sessions.save(session).block();
        StoredSession kept = signedIn("digital-lead");
        clock.advance(TIMEOUT.minusMinutes(1));
        kept.setLastAccessedTime(clock.instant());
        sessions.save(kept).block();

        clock.advance(Duration.ofMinutes(1));
        assertThat(sessions.findById(session.getId()).block()).as("expired, though still in the store").isNull();
        assertThat(sessions.findById(kept.getId()).block()).isNotNull();

        assertThat(sessions.deleteExpired().block()).isEqualTo(1);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void theSweeperCreatesTheTtlIndexThatLetsMongoDbDeleteExpiredSessions() {
        new ExpiredSessionSweeper(sessions, Duration.ofMinutes(1)).sweep().block();

        List<Document> indexes = mongo.getCollection(MongoSessionRepository.COLLECTION)
                .flatMapMany(collection -> collection.listIndexes()).collectList().block();
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.get("key", Document.class)).containsEntry("expireAt", 1);
            assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
        });
    }

    @Test
    void aSessionWhoseAttributesCannotBeReadIsDroppedNotAnError() throws IOException {
        StoredSession session = signedIn("health-lead");
        sessions.save(session).block();
        // a class outside the allow-list, as an attacker with write access to the store might plant
        byte[] planted = serialized(new File("/etc/passwd"));
        mongo.getCollection(MongoSessionRepository.COLLECTION).flatMap(collection -> reactor.core.publisher.Mono.from(collection.updateOne(
                new Document("_id", session.getId()),
                new Document("$push", new Document("attributes", new Document("name", "planted").append("value", new Binary(planted))))))).block();

        assertThat(sessions.findById(session.getId()).block()).isNull();
        assertThat(count()).isZero();
    }

    @Test
    void aSignedInSessionDocumentIsAFewKilobytes() {
        StoredSession session = signedIn("mobility-lead");
        sessions.save(session).block();

        int size = new org.bson.RawBsonDocument(document(session.getId()), new org.bson.codecs.DocumentCodec()).getByteBuffer().remaining();
        System.out.println("A signed-in session document: " + size + " bytes");
        assertThat(size).isBetween(1_000, 16_000);
    }

    private StoredSession signedIn(String user) {
        StoredSession session = sessions.createSession().block();
        session.setAttribute(SessionAuthorizedClients.ATTRIBUTE, SignedInUser.tokens(user, "access-1", clock.instant(), Duration.ofMinutes(5), "refresh-1"));
        session.setAttribute(StoredSession.SECURITY_CONTEXT, SignedInUser.securityContext(user, clock.instant()));
        return session;
    }

    private Document document(String id) {
        return mongo.findById(id, Document.class, MongoSessionRepository.COLLECTION).block();
    }

    private long count() {
        return mongo.getCollection(MongoSessionRepository.COLLECTION).flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments())).block();
    }

    private static byte[] serialized(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    /** Time that a test moves on. */
    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

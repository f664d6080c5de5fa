package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.UuidSessionIdGenerator;

/**
 * A gateway session as {@link MongoSessionRepository} keeps it. It remembers under which id and with which
 * attributes it was last stored, so that a save writes only what changed: most requests only move the last access.
 */
final class StoredSession implements Session {

    static final String SECURITY_CONTEXT = WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;

    private String id;
    private final Instant created;
    private Instant lastAccessed;
    private Duration maxInactive;
    private final Map<String, Object> attributes;

    /** The id under which the store holds this session, or null while it is not stored. */
    private String storedId;
    private Instant storedLastAccessed;
    private boolean attributesChanged;

    private StoredSession(String id, Instant created, Instant lastAccessed, Duration maxInactive, Map<String, Object> attributes) {
        this.id = id;
        this.created = created;
        this.lastAccessed = lastAccessed;
        this.maxInactive = maxInactive;
        this.attributes = new LinkedHashMap<>(attributes);
    }

    static StoredSession create(Duration maxInactive, Instant now) {
        return new StoredSession(UuidSessionIdGenerator.getInstance().generate(), now, now, maxInactive, Map.of());
    }

    static StoredSession stored(String id, Instant created, Instant lastAccessed, Duration maxInactive, Map<String, Object> attributes) {
        StoredSession session = new StoredSession(id, created, lastAccessed, maxInactive, attributes);
        session.markStored();
        return session;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String changeSessionId() {
        id = UuidSessionIdGenerator.getInstance().generate();
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        return (T) attributes.get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        return Set.copyOf(attributes.keySet());
    }

    /** Marks the attributes changed even when the same object is put again: its content may have changed. */
    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
            return;
        }
        attributes.put(name, value);
        attributesChanged = true;
    }

    @Override
    public void removeAttribute(String name) {
        if (attributes.remove(name) != null) {
            attributesChanged = true;
        }
    }

    @Override
    public Instant getCreationTime() {
        return created;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        lastAccessed = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
        return lastAccessed;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        maxInactive = interval;
        attributesChanged = true; // stored with the attributes
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxInactive;
    }

    @Override
    public boolean isExpired() {
        return isExpiredAt(Instant.now());
    }

    boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }

    Instant expiresAt() {
        return lastAccessed.plus(maxInactive);
    }

    /** Signed in: Spring Security has stored an authentication here. Only such sessions are kept in the store. */
    boolean isSignedIn() {
        return principal() != null;
    }

    String principal() {
        Authentication authentication = attributes.get(SECURITY_CONTEXT) instanceof SecurityContext context ? context.getAuthentication() : null;
        return authentication == null ? null : authentication.getName();
    }

    Map<String, Object> attributes() {
        return Map.copyOf(attributes);
    }

    String storedId() {
        return storedId;
    }

    boolean attributesChanged() {
        return attributesChanged;
    }

    /** How far the last access moved since it was stored (all of its age for a session not stored yet). */
    Duration accessMovedSinceStored() {
        return storedLastAccessed == null ? Duration.between(created, lastAccessed) : Duration.between(storedLastAccessed, lastAccessed);
    }

    void markStored() {
        storedId = id;
        storedLastAccessed = lastAccessed;
        attributesChanged = false;
    }

    void markNotStored() {
        storedId = null;
        storedLastAccessed = null;
    }
}

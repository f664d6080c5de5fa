package nl.amsterdameconomicboard.roadmaps.gateway.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.springframework.core.ConfigurableObjectInputStream;

/**
 * Session attributes as Java serialization, read back only through an allow-list.
 * <p>
 * Why Java serialization and not JSON: what Spring Security keeps in a session (the security context with the OIDC
 * user, its ID token claims of any JSON shape, its authorities; the tokens) is {@link Serializable} and comes back
 * exactly, with no type mapping to maintain per class; it is what Spring Session's own stores use by default. Its
 * risk, reading classes an attacker chose, is closed by the filter: only the JDK's value and collection types,
 * Spring Security's and this package's classes are read, with limits on depth, references and size. A session
 * written by another Spring Security version that no longer reads is dropped: its user signs in again.
 */
final class SessionAttributeCodec {

    /** What a signed-in session holds (a few kilobytes), with room, and nothing else. */
    static final String ALLOWED = String.join(";",
            "maxdepth=20", "maxrefs=5000", "maxbytes=262144", "maxarray=100000",
            "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Number", "java.lang.Long", "java.lang.Integer", "java.lang.Short",
            "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.lang.Character", "java.lang.Enum",
            "java.util.*", "java.time.*", "java.net.URL", "java.net.URI",
            "org.springframework.security.**", "nl.amsterdameconomicboard.roadmaps.gateway.session.*",
            "!*");

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(ALLOWED);

    byte[] encode(String name, Object value) {
        if (!(value instanceof Serializable)) {
            throw new IllegalArgumentException("Session attribute " + name + " (" + value.getClass().getName()
                    + ") is not serializable and cannot be kept in the session store");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Session attribute " + name + " could not be serialized", e);
        }
        return bytes.toByteArray();
    }

    Object decode(String name, byte[] bytes) throws UnreadableAttributeException {
        StringBuilder refused = new StringBuilder();
        try (ObjectInputStream in = new ConfigurableObjectInputStream(new ByteArrayInputStream(bytes), getClass().getClassLoader())) {
            in.setObjectInputFilter(info -> {
                ObjectInputFilter.Status status = FILTER.checkInput(info);
                if (status == ObjectInputFilter.Status.REJECTED) {
                    // say what was refused: a class that should be allowed, or a planted one
                    refused.append(info.serialClass() == null ? "" : info.serialClass().getName()).append(" (depth ").append(info.depth())
                            .append(", references ").append(info.references()).append(", bytes ").append(info.streamBytes()).append(')');
                }
                return status;
            });
            return in.readObject();
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new UnreadableAttributeException("Session attribute " + name + " cannot be read: " + e
                    + (refused.isEmpty() ? "" : "; refused " + refused), e);
        }
    }

    static final class UnreadableAttributeException extends Exception {

        UnreadableAttributeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

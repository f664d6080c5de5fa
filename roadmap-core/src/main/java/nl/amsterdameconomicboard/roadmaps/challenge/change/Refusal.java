package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A change or request the roadmap's rules refuse; nothing was written. Every refusal has a kind, which the web
 * layer turns into its status, and a problem type; one that concerns a single input field names it. Its message is
 * worded by key in {@code RefusalMessages[_nl].properties}, so that the answer speaks the client's language
 * ({@link #message(Locale)}); {@link #getMessage()} is the English wording, for logs.
 */
public abstract class Refusal extends RuntimeException {

    /** What kind of refusal, independent of HTTP. */
    public enum Kind { INVALID, NOT_FOUND, FORBIDDEN, CONFLICT, STALE, /** valid, but so unlikely that the caller must confirm it */ UNCONFIRMED }

    /** A word of the bundle given as an argument (an entity's kind, a status), worded in the message's language. */
    public record Term(String key) {
    }

    /** An argument that is already in both languages (a unit's name), taken in the message's language. */
    public record Words(String en, String nl) {
    }

    private static final String BUNDLE = "RefusalMessages";
    static final Locale DUTCH = Locale.forLanguageTag("nl");
    // without it ResourceBundle falls back to the JVM's default locale, and an English client might read Dutch
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Kind kind;
    private final String problemType;
    private final String field;
    private final String key;
    private final Object[] arguments;

    /** @param key the message's key in {@code RefusalMessages}; {@code arguments} fill its {@code {0}}, {@code {1}} … */
    protected Refusal(Kind kind, String problemType, String field, String key, Object... arguments) {
        super(wording(Locale.ROOT, key, arguments));
        this.kind = kind;
        this.problemType = problemType;
        this.field = field;
        this.key = key;
        this.arguments = arguments.clone();
    }

    public Kind kind() {
        return kind;
    }

    /** e.g. {@code illegal-status-change}, the last part of the problem+json type. */
    public String problemType() {
        return problemType;
    }

    /** The input field concerned (a path such as {@code partners[0].type}), or null. */
    public String field() {
        return field;
    }

    /** The message in Dutch for a Dutch locale, in English for any other. */
    public String message(Locale locale) {
        return wording(locale, key, arguments);
    }

    /** A message of the bundle in Dutch for a Dutch locale, in English for any other; for texts beside refusals (an import's rows). */
    public static String wording(Locale locale, String key, Object... arguments) {
        boolean dutch = locale != null && DUTCH.getLanguage().equals(locale.getLanguage());
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, dutch ? DUTCH : Locale.ROOT, Refusal.class.getClassLoader(), NO_FALLBACK);
        Object[] worded = Arrays.stream(arguments).map(a -> {
            if (a instanceof Term t) {
                // a kind the bundle lacks (a challenge service's own) is named as the code names it, not a failed answer
                return bundle.containsKey(t.key()) ? bundle.getString(t.key()) : t.key().substring(t.key().indexOf('.') + 1);
            }
            if (a instanceof Words w) {
                return dutch && w.nl() != null ? w.nl() : w.en();
            }
            return a == null ? "" : a;
        }).toArray();
        return new MessageFormat(bundle.getString(key), dutch ? DUTCH : Locale.ENGLISH).format(worded);
    }
}

package nl.amsterdameconomicboard.roadmaps.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Board's challenges, declared once in {@code challenges.json} and read by the gateway (routes, {@code /api/challenges}),
 * the scorecard (the overview), the challenge services (their port) and the launcher (what to start). Another file
 * replaces the built-in one through the variable {@value #LOCATION_VARIABLE}, so that a challenge can be added
 * without rebuilding.
 */
public final class ChallengeRegistry {

    /** The one variable that points every component to another registry file. */
    public static final String LOCATION_VARIABLE = "CHALLENGE_REGISTRY";

    // lower case letters and digits only: the code becomes a URL segment, a role, a database and a variable prefix
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{1,29}");
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-f]{6}");
    // paths the gateway and the scorecard use themselves
    private static final Set<String> RESERVED = Set.of("challenges", "scorecards");
    private static final double READABLE_ON_WHITE = 4.5;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private final List<Challenge> challenges;
    private final String source;

    private ChallengeRegistry(List<Challenge> challenges, String source) {
        this.challenges = challenges;
        this.source = source;
    }

    /** The registry named by {@value #LOCATION_VARIABLE} in this environment, or the built-in one. */
    public static ChallengeRegistry load(Function<String, String> environment) {
        String location = environment.apply(LOCATION_VARIABLE);
        return location == null || location.isBlank() ? builtIn() : read(Path.of(location.strip()));
    }

    public static ChallengeRegistry builtIn() {
        try (InputStream in = ChallengeRegistry.class.getResourceAsStream("/challenges.json")) {
            if (in == null) {
                throw new InvalidRegistryException("challenges.json is missing from the classpath");
            }
            return parse(in, "the built-in challenges.json");
        } catch (IOException e) {
            throw new InvalidRegistryException("the built-in challenges.json cannot be read: " + e.getMessage(), e);
        }
    }

    public static ChallengeRegistry read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toAbsolutePath() + " (" + LOCATION_VARIABLE + ")");
        } catch (IOException e) {
            throw new InvalidRegistryException("The challenge registry " + file.toAbsolutePath() + " (" + LOCATION_VARIABLE
                    + ") cannot be read: " + e, e);
        }
    }

    static ChallengeRegistry parse(InputStream in, String source) {
        List<Challenge> entries;
        try {
            entries = Arrays.asList(JSON.readValue(in, Challenge[].class)); // may hold null: refused below, naming the entry
        } catch (JacksonException e) {
            throw new InvalidRegistryException("The challenge registry " + source + " is not a list of challenges "
                    + "{code, name {nl, en}, port, colour, position}: " + e.getOriginalMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new InvalidRegistryException("The challenge registry " + source + " declares no challenge");
        }
        validate(entries, source);
        List<Challenge> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparingInt(Challenge::position));
        return new ChallengeRegistry(List.copyOf(ordered), source);
    }

    private static void validate(List<Challenge> entries, String source) {
        Map<String, String> codes = new HashMap<>();
        Map<Integer, String> ports = new HashMap<>();
        Map<Integer, String> positions = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Challenge c = entries.get(i);
            String entry = "The challenge registry " + source + ", entry " + (i + 1)
                    + (c != null && c.code() != null ? " (" + c.code() + ")" : "") + ": ";
            if (c == null) {
                throw new InvalidRegistryException(entry + "is empty");
            }
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                throw new InvalidRegistryException(entry + "code '" + c.code() + "' must be 2-30 lower case letters or digits, starting with a letter");
            }
            if (RESERVED.contains(c.code())) {
                throw new InvalidRegistryException(entry + "code '" + c.code() + "' is taken by the platform's own API (" + RESERVED + ")");
            }
            if (c.name() == null || blank(c.name().nl()) || blank(c.name().en())) {
                throw new InvalidRegistryException(entry + "needs a name in Dutch and in English: \"name\": {\"nl\": …, \"en\": …}");
            }
            if (c.port() < 1024 || c.port() > 65535) {
                throw new InvalidRegistryException(entry + "port " + c.port() + " is not between 1024 and 65535");
            }
            if (c.colour() == null || !COLOUR.matcher(c.colour()).matches()) {
                throw new InvalidRegistryException(entry + "colour '" + c.colour() + "' must be #rrggbb in lower case hex");
            }
            double contrast = contrastOnWhite(c.colour());
            if (contrast < READABLE_ON_WHITE) {
                throw new InvalidRegistryException(entry + String.format(java.util.Locale.ROOT,
                        "colour %s has a contrast of %.2f:1 on white; text needs at least 4.5:1 (WCAG AA)", c.colour(), contrast));
            }
            if (c.position() < 1) {
                throw new InvalidRegistryException(entry + "position " + c.position() + " must be 1 or more");
            }
            refuseDuplicate(codes.put(c.code(), c.code()), entry, "code " + c.code());
            refuseDuplicate(ports.put(c.port(), c.code()), entry, "port " + c.port());
            refuseDuplicate(positions.put(c.position(), c.code()), entry, "position " + c.position());
        }
    }

    private static void refuseDuplicate(String earlier, String entry, String what) {
        if (earlier != null) {
            throw new InvalidRegistryException(entry + "duplicate " + what + ", already declared by " + earlier);
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** WCAG 2 contrast ratio of a colour against white. */
    static double contrastOnWhite(String colour) {
        double luminance = 0.2126 * channel(colour, 1) + 0.7152 * channel(colour, 3) + 0.0722 * channel(colour, 5);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(String colour, int at) {
        double c = Integer.parseInt(colour.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** Every challenge, in the order of the Board's overview. */
    public List<Challenge> challenges() {
        return challenges;
    }

    /** The codes in overview order. */
    public List<String> codes() {
        return challenges.stream().map(Challenge::code).toList();
    }

    public Optional<Challenge> find(String code) {
        return challenges.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** Where this registry was read from, for messages. */
    public String source() {
        return source;
    }
}

package nl.amsterdameconomicboard.roadmaps.permissions;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a route's pattern into a path to call. A variable takes the example given for it after its segment
 * ({@code "milestones/{id}"}), else for its name alone ({@code "{challenge}"}), else {@value #UNKNOWN}: an unknown
 * id, which a route that lets the caller in answers with 404, still "not refused by security".
 * Wildcards become one segment {@value #WILDCARD}.
 */
public final class PathExamples {

    static final String UNKNOWN = "example";
    static final String WILDCARD = "x";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}");

    private final Map<String, String> examples;

    public PathExamples(Map<String, String> examples) {
        this.examples = Map.copyOf(examples);
    }

    public String expand(String pattern) {
        String[] segments = pattern.split("/", -1);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (i > 0) {
                path.append('/');
            }
            Matcher variable = VARIABLE.matcher(segment);
            if (variable.matches()) {
                String byName = "{" + variable.group(1) + "}";
                String previous = i > 0 ? segments[i - 1] + "/" : "";
                path.append(examples.getOrDefault(previous + byName, examples.getOrDefault(byName, UNKNOWN)));
            } else if (segment.equals("**") || segment.equals("*")) {
                path.append(WILDCARD);
            } else {
                path.append(segment);
            }
        }
        return path.toString();
    }
}

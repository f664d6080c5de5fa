package nl.amsterdameconomicboard.roadmaps.permissions;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Routes × callers, each cell the decision observed when that caller called that route. Rendered as a Markdown table
 * for docs/security.md; sorted by path and method so that a new route shows as one new line.
 */
public final class PermissionMatrix {

    /** Not refused by security: served, or refused for what was sent (400, 404, 409 …), not for who sent it. */
    public static final String ALLOWED = "✔";
    /** Refused: sign in first. */
    public static final String SIGN_IN = "401";
    /** Refused: these roles (or this organisation) may not. */
    public static final String FORBIDDEN = "403";

    private final List<String> callers;
    private final SortedMap<Route, List<String>> rows = new TreeMap<>();

    public PermissionMatrix(List<String> callers) {
        this.callers = List.copyOf(callers);
    }

    /**
     * Adds a route's decisions, one per caller in column order. Two routes shown alike (e.g. the same pattern of two
     * challenges) become one row, so they must be decided alike.
     */
    public PermissionMatrix add(Route route, List<String> decisions) {
        if (decisions.size() != callers.size()) {
            throw new IllegalArgumentException(route + ": " + decisions.size() + " decisions for " + callers.size() + " callers");
        }
        List<String> before = rows.putIfAbsent(route, List.copyOf(decisions));
        if (before != null && !before.equals(decisions)) {
            throw new IllegalStateException(route + " is shown once but decided differently: " + before + " and " + decisions);
        }
        return this;
    }

    public Map<Route, List<String>> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String toMarkdown() {
        StringBuilder table = new StringBuilder("| route |");
        callers.forEach(caller -> table.append(' ').append(caller).append(" |"));
        table.append("\n|---|");
        callers.forEach(caller -> table.append(":-:|"));
        table.append('\n');
        rows.forEach((route, decisions) -> {
            table.append("| `").append(route.method()).append(' ').append(route.path()).append("` |");
            decisions.forEach(decision -> table.append(' ').append(decision).append(" |"));
            table.append('\n');
        });
        return table.toString();
    }
}

package nl.amsterdameconomicboard.roadmaps.permissions;

import java.util.Comparator;
import java.util.List;

/**
 * A row of the permission matrix: the HTTP method(s) and the path pattern as docs/security.md shows them
 * ({@code *} for a route that takes any method).
 */
public record Route(String method, String path) implements Comparable<Route> {

    private static final List<String> METHOD_ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "*");
    private static final Comparator<Route> ORDER = Comparator.comparing(Route::path).thenComparingInt(Route::methodRank)
            .thenComparing(Route::method);

    private int methodRank() {
        int rank = METHOD_ORDER.indexOf(method.split(",")[0].strip());
        return rank < 0 ? METHOD_ORDER.size() : rank;
    }

    @Override
    public int compareTo(Route other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}

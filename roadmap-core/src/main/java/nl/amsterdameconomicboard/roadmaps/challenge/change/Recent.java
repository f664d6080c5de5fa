package nl.amsterdameconomicboard.roadmaps.challenge.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The latest few entries an entity keeps in its own document; the whole list lives in its collection. */
public final class Recent {

    /** How many an entity document keeps: enough for its public view, bounded whatever partners post. */
    public static final int KEPT = 5;

    private Recent() {
    }

    /** {@code recent} with {@code added}, the latest {@value #KEPT} in {@code order} (oldest first). */
    public static <T> List<T> with(List<T> recent, T added, Comparator<? super T> order) {
        List<T> all = new ArrayList<>(recent);
        all.add(added);
        all.sort(order); // stable: entries equal in order keep the order they came in
        return List.copyOf(all.subList(Math.max(0, all.size() - KEPT), all.size()));
    }
}

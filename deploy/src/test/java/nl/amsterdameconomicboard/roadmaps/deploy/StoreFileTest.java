package nl.amsterdameconomicboard.roadmaps.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatHasGrownIsRewrittenWithItsDataAndOnlyAgainOnceItHasDoubled() throws Exception {
        Path file = dir.resolve("store.mv");
        churn(file, 0, 2000);
        long grown = Files.size(file);

        assertThat(StoreFile.compactIfGrown(file, 0)).isTrue();
        long rewritten = Files.size(file);
        assertThat(rewritten).isLessThan(grown / 4);
        assertThat(states(file)).as("every milestone's latest state").hasSize(50).containsEntry("m7", "revision 1957");

        assertThat(StoreFile.compactIfGrown(file, 0)).as("not doubled since").isFalse();
        assertThat(Files.size(file)).isEqualTo(rewritten);

        churn(file, 2000, 4000);
        assertThat(Files.size(file)).isGreaterThan(2 * rewritten);
        assertThat(StoreFile.compactIfGrown(file, 0)).isTrue();
        assertThat(states(file)).hasSize(50).containsEntry("m7", "revision 3957");
    }

    @Test
    void aSmallFileIsLeftAsItIs() throws Exception {
        Path file = dir.resolve("store.mv");
        churn(file, 0, 200);
        long size = Files.size(file);

        assertThat(StoreFile.compactIfGrown(file)).isFalse();
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(StoreFile.compactIfGrown(dir.resolve("none.mv"))).as("no store yet").isFalse();
    }

    @Test
    void whatARewriteCutShortLeftIsCleanedUpAndTheStoreKept() throws Exception {
        Path file = dir.resolve("store.mv");
        churn(file, 0, 200);
        Files.writeString(dir.resolve("store.mv.tempFile"), "half a rewrite");

        StoreFile.compactIfGrown(file);

        assertThat(dir.resolve("store.mv.tempFile")).doesNotExist();
        assertThat(states(file)).hasSize(50);
    }

    /** Milestone states written over and over, each change committed on its own as the store's writes are. */
    private static void churn(Path file, int from, int to) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCompactFillRate(0).open();
        MVMap<String, String> states = store.openMap("states");
        for (int revision = from; revision < to; revision++) {
            states.put("m" + revision % 50, "revision " + revision);
            store.commit();
        }
        store.close();
    }

    private static java.util.Map<String, String> states(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            return new java.util.HashMap<>(store.<String, String>openMap("states"));
        } finally {
            store.close();
        }
    }
}

package nl.amsterdameconomicboard.roadmaps.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreTool;

/**
 * The local store's file, kept to about the size of its data. The store writes every change to new space and frees
 * space only where nothing live is left, and it runs without background compaction (see {@link LocalMongoStore}), so
 * the file grows with every change: 6.1 GiB for 218 MiB of data after a full bench run. Before the store opens, a file
 * that has more than doubled since it was last rewritten is rewritten with only its live data.
 */
final class StoreFile {

    /** Below this a file is left as it is, however much of it is free: rewriting it would save nothing that matters. */
    static final long SMALLEST_REWRITTEN = 32L << 20;

    private StoreFile() {
    }

    /** Rewrites the file if it has grown enough; returns whether it did. The file is replaced atomically. */
    static boolean compactIfGrown(Path file) throws IOException {
        return compactIfGrown(file, SMALLEST_REWRITTEN);
    }

    static boolean compactIfGrown(Path file, long smallestRewritten) throws IOException {
        // a rewrite interrupted by a kill or a power cut leaves a temporary file, or the new one under another name
        MVStoreTool.compactCleanUp(file.toString());
        if (!Files.exists(file)) {
            return false;
        }
        Path record = file.resolveSibling(file.getFileName() + ".rewritten-size");
        long size = Files.size(file);
        long lastRewritten = Files.exists(record) ? lastRewritten(record) : 0;
        if (size < Math.max(smallestRewritten, 2 * lastRewritten)) {
            return false;
        }
        long started = System.nanoTime();
        MVStoreTool.compact(file.toString(), false);
        long rewritten = Files.size(file);
        Files.writeString(record, Long.toString(rewritten));
        System.out.printf("Store file rewritten with only its live data: %,d MiB to %,d MiB in %.1f s%n", size >> 20, rewritten >> 20,
                (System.nanoTime() - started) / 1e9);
        return true;
    }

    private static long lastRewritten(Path record) throws IOException {
        try {
            return Long.parseLong(Files.readString(record).strip());
        } catch (NumberFormatException unreadable) {
            return 0; // as if never rewritten: the worst is one rewrite too many
        }
    }
}

package nl.amsterdameconomicboard.roadmaps.permissions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The permission matrix sections of {@code docs/security.md} at the repository root. Each service's test renders its
 * section from the running application and {@link #check checks} it against the document, so that a route added,
 * removed or decided differently fails the build until the document shows it. With {@code -D}{@value #WRITE}{@code =true}
 * the test rewrites its section instead (see {@link #REGENERATE}).
 *
 * <p>A section sits between {@code <!-- permission-matrix:NAME -->} and {@code <!-- /permission-matrix:NAME -->};
 * a section the document does not have yet is written above {@value #NEW_SECTIONS}.
 */
public final class SecurityDocument {

    public static final String WRITE = "security.matrix.write";
    public static final String REGENERATE = "./mvnw -q test -Dsecurity.matrix.write=true "
            + "-Dtest='PermissionMatrixTest,*ServiceTest#*PermissionMatrix*' -Dsurefire.failIfNoSpecifiedTests=false";
    static final String NEW_SECTIONS = "<!-- permission-matrix:end -->";
    static final Path RELATIVE = Path.of("docs", "security.md");

    private SecurityDocument() {
    }

    /**
     * Compares (or, in write mode, writes) the section {@code name} of docs/security.md. An empty section that the
     * document does not have is fine: nothing to document (e.g. a challenge service without routes of its own).
     */
    public static void check(String name, String section) {
        Path file = locate(Path.of(System.getProperty("user.dir")).toAbsolutePath());
        try {
            String document = Files.readString(file);
            String updated = apply(document, name, section, Boolean.getBoolean(WRITE));
            if (!updated.equals(document)) {
                Files.writeString(file, updated);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document with the section as generated (write mode), or the document unchanged if it already matches. */
    static String apply(String document, String name, String section, boolean write) {
        String begin = "<!-- permission-matrix:" + name + " -->\n";
        String end = "<!-- /permission-matrix:" + name + " -->";
        String body = section.endsWith("\n") || section.isEmpty() ? section : section + "\n";
        int from = document.indexOf(begin);
        if (from < 0) {
            if (body.isEmpty()) {
                return document;
            }
            if (!write) {
                throw new AssertionError("docs/security.md has no permission matrix section '" + name + "' for these routes:\n"
                        + body + "\nRegenerate the matrix: " + REGENERATE);
            }
            int anchor = document.indexOf(NEW_SECTIONS);
            String inserted = begin + body + end + "\n\n";
            return anchor < 0 ? document + "\n" + inserted : document.substring(0, anchor) + inserted + document.substring(anchor);
        }
        int to = document.indexOf(end, from);
        if (to < 0) {
            throw new AssertionError("docs/security.md opens the permission matrix section '" + name + "' but never closes it with " + end);
        }
        String documented = document.substring(from + begin.length(), to);
        if (documented.equals(body)) {
            return document;
        }
        if (!write) {
            throw new AssertionError("The permission matrix '" + name + "' of docs/security.md differs from the running code "
                    + "(- documented, + running code):\n" + LineDiff.of(documented, body)
                    + "\nIf the change is intended, regenerate the matrix: " + REGENERATE);
        }
        return document.substring(0, from + begin.length()) + body + document.substring(to);
    }

    /** docs/security.md of the repository this test runs in: the nearest folder upwards with the Maven wrapper. */
    static Path locate(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                Path file = dir.resolve(RELATIVE);
                if (!Files.isRegularFile(file)) {
                    throw new AssertionError(file + " is missing: it holds the permission matrix and the threat model");
                }
                return file;
            }
        }
        throw new AssertionError("No repository root (a folder with mvnw) above " + start);
    }
}

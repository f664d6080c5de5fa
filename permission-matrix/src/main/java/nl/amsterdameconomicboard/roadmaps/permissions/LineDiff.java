package nl.amsterdameconomicboard.roadmaps.permissions;

/** The lines only one of two texts has, in order ("- " first text before "+ " second), from their longest common subsequence. */
final class LineDiff {

    private LineDiff() {
    }

    static String of(String first, String second) {
        String[] a = first.split("\n", -1);
        String[] b = second.split("\n", -1);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        StringBuilder diff = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                diff.append("- ").append(a[i++]).append('\n');
            } else {
                diff.append("+ ").append(b[j++]).append('\n');
            }
        }
        return diff.toString();
    }
}

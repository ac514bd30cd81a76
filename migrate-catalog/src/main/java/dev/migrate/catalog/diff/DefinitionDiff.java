package dev.migrate.catalog.diff;

import dev.migrate.op.ObjectDefinition;
import dev.migrate.op.ObjectOp;
import dev.migrate.op.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where two definitions of an object differ, as a unified diff of their lines with a little context: the
 * lines only one side has, marked {@code -} (the first side) and {@code +} (the second), between {@code @@}
 * hunk headers. Definitions are long (a view's query, a function's body) and often differ in one line
 * near the end, so showing both cut to a length hides the difference; this shows it. An LCS over lines:
 * definitions are tens of lines, so its quadratic table costs nothing.
 *
 * <pre>{@code
 * DefinitionDiff.between(database, chain).ifPresent(diff -> log.info(diff));
 * }</pre>
 */
public final class DefinitionDiff {
    /** Lines of context kept around each change. */
    static final int CONTEXT = 2;

    private DefinitionDiff() {}

    /**
     * The diff between the two definitions a change's {@code ops} carry (a replacement in place, or a drop
     * and a create again), the dropped or replaced one first; empty when they carry no such pair.
     */
    public static Optional<String> of(List<Op> ops) {
        @Nullable ObjectDefinition from = null;
        @Nullable ObjectDefinition to = null;
        for (Op op : ops) {
            if (op instanceof ObjectOp.ReplaceObject replace) {
                from = replace.from();
                to = replace.to();
            } else if (op instanceof ObjectOp.DropObject drop && drop.definition() != null) {
                from = drop.definition();
            } else if (op instanceof ObjectOp.CreateObject create) {
                to = create.definition();
            }
        }
        return from == null || to == null || from.sql().equals(to.sql())
                ? Optional.empty()
                : Optional.of(between(from.sql(), to.sql()));
    }

    /** The unified diff of {@code before} and {@code after}, line by line, {@value #CONTEXT} lines of context. */
    public static String between(String before, String after) {
        List<String> a = before.strip().lines().toList();
        List<String> b = after.strip().lines().toList();
        List<Line> lines = lcs(a, b);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).mark() == ' ') {
                i++;
                continue;
            }
            // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that is
            // closer than twice the context to the one before it
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            while (true) {
                int next = end + 1;
                while (next < lines.size() && lines.get(next).mark() == ' ') {
                    next++;
                }
                if (next < lines.size() && next - end <= 2 * CONTEXT + 1) {
                    end = next;
                } else {
                    break;
                }
            }
            int stop = Math.min(lines.size(), end + CONTEXT + 1);
            hunk(out, lines.subList(start, stop));
            i = stop;
        }
        return out.toString().stripTrailing();
    }

    private static void hunk(StringBuilder out, List<Line> hunk) {
        Line first = hunk.get(0);
        long fromCount = hunk.stream().filter(l -> l.mark() != '+').count();
        long toCount = hunk.stream().filter(l -> l.mark() != '-').count();
        out.append("@@ -")
                .append(first.fromLine())
                .append(',')
                .append(fromCount)
                .append(" +")
                .append(first.toLine())
                .append(',')
                .append(toCount)
                .append(" @@\n");
        hunk.forEach(l -> out.append(l.mark()).append(l.text()).append('\n'));
    }

    /** The lines of both sides in order, each marked kept, taken away or added, with its line numbers. */
    private static List<Line> lcs(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                lines.add(new Line(' ', a.get(i), i + 1, j + 1));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                // what goes before what comes, as diff prints them
                lines.add(new Line('-', a.get(i), i + 1, j + 1));
                i++;
            } else {
                lines.add(new Line('+', b.get(j), i + 1, j + 1));
                j++;
            }
        }
        return lines;
    }

    /** One line of the diff: its mark, its text, and where it is (or would be) on each side. */
    private record Line(char mark, String text, int fromLine, int toLine) {}
}

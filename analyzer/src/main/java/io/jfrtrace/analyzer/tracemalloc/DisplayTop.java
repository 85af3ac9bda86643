package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.python.PyStr;
import io.jfrtrace.analyzer.python.PyFormat;

import java.io.IOException;
import java.util.List;

/**
 * The {@code display_top(snapshot, key_type='lineno', limit=10)} function of the Python {@code tracemalloc}
 * documentation ("Pretty top"), line for line:
 * <pre>
 * Top 10 lines
 * #1: pkg/file.py:12: 10.0 KiB
 *     source line
 * 3 other: 1.2 KiB
 * Total allocated size: 11.2 KiB
 * </pre>
 * Traces whose most recent frame is {@code <frozen importlib._bootstrap>} or {@code <unknown>} are dropped first;
 * file names are shortened to their last two {@code /}-separated components; source lines are looked up with the
 * full file name.
 */
public final class DisplayTop {
    private DisplayTop() {}

    /** With {@code key_type='lineno'}. */
    public static void print(Appendable out, Snapshot snapshot, int limit, SourceLines lines) throws IOException {
        print(out, snapshot, KeyType.LINENO, limit, lines);
    }

    /** {@code limit} follows Python's slicing: a negative limit shows all but the last {@code |limit|} entries. */
    public static void print(Appendable out, Snapshot snapshot, KeyType keyType, int limit, SourceLines lines)
            throws IOException {
        Snapshot filtered = snapshot.filterTraces(List.of(
                new Filter(false, "<frozen importlib._bootstrap>"),
                new Filter(false, "<unknown>")));
        List<Statistic> top = filtered.statistics(keyType);
        int n = top.size();
        int head = limit >= 0 ? Math.min(limit, n) : Math.max(0, n + limit);
        out.append("Top ").append(Integer.toString(limit)).append(" lines\n");
        for (int i = 0; i < head; i++) {
            Statistic stat = top.get(i);
            Frame frame = stat.traceback().get(0);
            out.append('#').append(Integer.toString(i + 1)).append(": ")
                    .append(lastTwoComponents(frame.filename())).append(':')
                    .append(Integer.toString(frame.lineno())).append(": ")
                    .append(kib(stat.size())).append(" KiB\n");
            String src = lines.line(frame.filename(), frame.lineno());
            if (src != null) {
                String s = PyStr.strip(src);
                if (!s.isEmpty()) out.append("    ").append(s).append('\n');
            }
        }
        List<Statistic> other = top.subList(head, n);
        if (!other.isEmpty()) {
            long size = 0;
            for (Statistic s : other) size += s.size();
            out.append(Integer.toString(other.size())).append(" other: ").append(kib(size)).append(" KiB\n");
        }
        long total = 0;
        for (Statistic s : top) total += s.size();
        out.append("Total allocated size: ").append(kib(total)).append(" KiB\n");
    }

    /** {@code "%.1f" % (size / 1024)}. */
    private static String kib(long size) {
        return PyFormat.fixed(SizeFormat.trueDivide(size, 1024), 1);
    }

    /** {@code os.sep.join(filename.split(os.sep)[-2:])} with {@code os.sep = '/'}. */
    static String lastTwoComponents(String filename) {
        int last = filename.lastIndexOf('/');
        if (last < 0) return filename;
        int prev = filename.lastIndexOf('/', last - 1);
        return prev < 0 ? filename : filename.substring(prev + 1);
    }
}

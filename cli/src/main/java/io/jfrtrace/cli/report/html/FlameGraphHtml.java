package io.jfrtrace.cli.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.StacksReport;

/**
 * An interactive flame graph as one self-contained HTML page (its CSS and script inline, a content security policy
 * that forbids any fetch): the page (resource {@code flamegraph.html}) with the stacks as JSON in it. The stacks are
 * merged into one tree here and sent compactly (see {@link #writeData}): the labels once, sorted and front-coded, then
 * three numbers per node in preorder; the script rebuilds the tree. The same page draws a differential graph
 * ({@link FlameGraphDiffHtml}): then each node carries the old side's value too.
 */
public final class FlameGraphHtml implements ReportWriter<StacksReport> {
    private static final String PAGE = "flamegraph.html";
    private static final String DATA_MARK = "@DATA@";

    @Override
    public Class<StacksReport> reportType() {
        return StacksReport.class;
    }

    @Override
    public void write(StacksReport report, Writer out) throws IOException {
        writePage(FrameTree.of(report.samples(), report.weighted()), false, report.title(), report.unit(), out);
    }

    /** The page with the tree's data; {@code diff}: the tree holds two sides, and the page draws their difference. */
    static void writePage(FrameTree tree, boolean diff, String title, String unit, Writer out) throws IOException {
        String page = page();
        int mark = page.indexOf(DATA_MARK);
        out.write(page, 0, mark);
        writeData(tree, diff, title, unit, out);
        out.write(page, mark + DATA_MARK.length(), page.length() - mark - DATA_MARK.length());
    }

    /**
     * The data as JSON: {@code title}, {@code unit}, {@code total} (the value of all stacks), {@code empty} (that of
     * stacks without frames); the labels in sorted order, front-coded: {@code names} holds what each adds to the
     * first {@code prefixes[i]} characters of the one before; {@code hues}, the labels' hues as (run length, hue)
     * pairs; {@code nodes}, the tree in preorder as (label, levels up from the previous node, value of the stacks
     * that end there) triples. Number lists are {@link Base32Numbers} strings. A differential graph adds
     * {@code "diff":true}, {@code oldTotal} and {@code oldEmpty} (the old side's), and its nodes are quadruples: the
     * old side's value of the stacks that end there last (a node only the old side has: a new value of 0).
     */
    static void writeData(FrameTree tree, boolean diff, String title, String unit, Appendable out) throws IOException {
        List<String> names = tree.names();
        out.append("{\"title\":");
        ScriptJson.string(title, out);
        out.append(",\"unit\":");
        ScriptJson.string(unit, out);
        out.append(",\"total\":").append(Long.toString(tree.total()));
        out.append(",\"empty\":").append(Long.toString(tree.rootSelf()));
        if (diff) {
            out.append(",\"diff\":true,\"oldTotal\":").append(Long.toString(tree.oldTotal()));
            out.append(",\"oldEmpty\":").append(Long.toString(tree.oldRootSelf()));
        }
        out.append(",\n\"names\":[");
        StringBuilder prefixes = new StringBuilder();
        String previous = "";
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int shared = sharedPrefix(previous, name);
            Base32Numbers.append(shared, prefixes);
            if (i > 0) {
                out.append(',');
            }
            ScriptJson.string(name.substring(shared), out);
            previous = name;
        }
        out.append("],\n\"prefixes\":\"").append(prefixes).append("\",\n\"hues\":\"");
        for (int i = 0, run; i < names.size(); i += run) {
            for (run = 1; i + run < names.size() && tree.hue(i + run) == tree.hue(i); run++) {
                // names of a package are mostly neighbours: one run
            }
            Base32Numbers.append(run, out);
            Base32Numbers.append(tree.hue(i), out);
        }
        out.append("\",\n\"nodes\":\"");
        IOException[] failed = {null};
        StringBuilder node = new StringBuilder(16);
        tree.forEach((name, up, self, oldSelf) -> {
            if (failed[0] != null) {
                return;
            }
            node.setLength(0);
            try {
                Base32Numbers.append(name, node);
                Base32Numbers.append(up, node);
                Base32Numbers.append(self, node);
                if (diff) {
                    Base32Numbers.append(oldSelf, node);
                }
                out.append(node);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        out.append("\"}");
    }

    /** How many leading characters {@code a} and {@code b} share, not splitting a surrogate pair. */
    private static int sharedPrefix(String a, String b) {
        int n = 0;
        int max = Math.min(a.length(), b.length());
        while (n < max && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        if (n > 0 && n < b.length() && Character.isHighSurrogate(b.charAt(n - 1))) {
            n--;
        }
        return n;
    }

    private static String page() {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + PAGE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

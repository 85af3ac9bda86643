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
 * merged into one tree here and sent compactly: the labels once, sorted, then three numbers per node in preorder
 * (label, levels up from the previous node, value of the stacks that end there); the script rebuilds the tree.
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
        String page = page();
        int mark = page.indexOf(DATA_MARK);
        out.write(page, 0, mark);
        writeData(report, out);
        out.write(page, mark + DATA_MARK.length(), page.length() - mark - DATA_MARK.length());
    }

    /**
     * The data as JSON: {@code title}, {@code unit}, {@code total} (the value of all stacks), {@code empty} (that of
     * stacks without frames), {@code names}, {@code colours} (by name: {@link FrameColour#code}) and {@code nodes}.
     */
    static void writeData(StacksReport report, Appendable out) throws IOException {
        FrameTree tree = FrameTree.of(report.samples(), report.weighted());
        long total = tree.total();
        long[] framed = {0};
        out.append("{\"title\":");
        ScriptJson.string(report.title(), out);
        out.append(",\"unit\":");
        ScriptJson.string(report.unit(), out);
        out.append(",\"total\":").append(Long.toString(total));
        List<String> names = tree.names();
        out.append(",\n\"names\":[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            ScriptJson.string(names.get(i), out);
        }
        out.append("],\n\"colours\":[");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(Integer.toString(tree.colour(i)));
        }
        out.append("],\n\"nodes\":[");
        IOException[] failed = {null};
        boolean[] first = {true};
        StringBuilder node = new StringBuilder(24);
        tree.forEach((name, up, self) -> {
            framed[0] += self;
            if (failed[0] != null) {
                return;
            }
            node.setLength(0);
            if (!first[0]) {
                node.append(',');
            }
            first[0] = false;
            node.append(name).append(',').append(up).append(',').append(self);
            try {
                out.append(node);
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        out.append("],\"empty\":").append(Long.toString(total - framed[0])).append('}');
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

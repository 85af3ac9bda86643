package io.jfrtrace.cli.output;

import java.util.Iterator;
import java.util.List;

import io.jfrtrace.cli.report.collapsed.CollapsedText;
import io.jfrtrace.cli.report.csv.AllocationCsv;
import io.jfrtrace.cli.report.csv.DiffCsv;
import io.jfrtrace.cli.report.csv.LineCountsCsv;
import io.jfrtrace.cli.report.csv.ProfileCsv;
import io.jfrtrace.cli.report.csv.ProfileDiffCsv;
import io.jfrtrace.cli.report.csv.SnapshotListCsv;
import io.jfrtrace.cli.report.csv.ThreadDumpsCsv;
import io.jfrtrace.cli.report.csv.TracesCsv;
import io.jfrtrace.cli.report.html.FlameGraphDiffHtml;
import io.jfrtrace.cli.report.html.FlameGraphHtml;
import io.jfrtrace.cli.report.lcov.LcovText;
import io.jfrtrace.cli.report.text.AllocationText;
import io.jfrtrace.cli.report.text.DiffText;
import io.jfrtrace.cli.report.text.ProfileDiffText;
import io.jfrtrace.cli.report.text.ProfileText;
import io.jfrtrace.cli.report.text.SnapshotListText;
import io.jfrtrace.cli.report.text.ThreadDumpsText;
import io.jfrtrace.cli.report.text.TraceText;
import picocli.CommandLine.ITypeConverter;

/** Every {@code --format} there is: a new format is one more entry here (and its writers). */
public final class Formats {
    /** Python's own text, byte for byte: the default. */
    public static final Format TEXT = new Format("text", List.of(new ProfileText(), new AllocationText(),
            new SnapshotListText(), new DiffText(), new ThreadDumpsText(), new ProfileDiffText(), new TraceText()));
    /** The report's rows as CSV (RFC 4180, a header row), through Commons CSV. */
    public static final Format CSV = new Format("csv", List.of(new ProfileCsv(), new AllocationCsv(),
            new SnapshotListCsv(), new DiffCsv(), new ThreadDumpsCsv(), new TracesCsv(), new ProfileDiffCsv(), new LineCountsCsv()));

    /** Folded stacks, one line per distinct stack: the input of flame graph tools. */
    public static final Format COLLAPSED = new Format("collapsed", List.of(new CollapsedText()));

    /** An interactive flame graph: one self-contained HTML page (a differential one for compare). */
    public static final Format HTML = new Format("html", List.of(new FlameGraphHtml(), new FlameGraphDiffHtml()));

    /** Line counts as an lcov tracefile, for genhtml, Codecov and IDEs ({@code trace}). */
    public static final Format LCOV = new Format("lcov", List.of(new LcovText()));

    public static final List<Format> ALL = List.of(TEXT, CSV, COLLAPSED, HTML, LCOV);

    private Formats() {
    }

    public static Format named(String name) {
        for (Format f : ALL) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (" + String.join(", ", names()) + ")");
    }

    static List<String> names() {
        return ALL.stream().map(Format::name).toList();
    }

    /** {@code --format NAME}. */
    public static final class Converter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return named(value);
        }
    }

    /** The names, for {@code --format}'s help and shell completion. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }
}

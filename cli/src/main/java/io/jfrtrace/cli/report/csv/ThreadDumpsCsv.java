package io.jfrtrace.cli.report.csv;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import io.jfrtrace.analyzer.faulthandler.StackFrame;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;
import io.jfrtrace.analyzer.faulthandler.ThreadStack;
import io.jfrtrace.cli.report.ReportWriter;
import io.jfrtrace.cli.report.ThreadDumpsReport;
import org.apache.commons.csv.CSVPrinter;

/**
 * One row per frame (most recent first: frame 0), one row with empty frame cells for a thread without frames.
 * Every thread and frame, names as recorded (faulthandler's cuts and ASCII escapes are its text's, not the data's);
 * an unknown line number is an empty cell.
 */
public final class ThreadDumpsCsv implements ReportWriter<ThreadDumpsReport> {
    @Override
    public Class<ThreadDumpsReport> reportType() {
        return ThreadDumpsReport.class;
    }

    @Override
    public void write(ThreadDumpsReport report, Writer out) throws IOException {
        CSVPrinter csv = Csv.printer(out, List.of("dump", "time", "reason", "detail", "thread_id", "thread_name", "current",
                "frame", "filename", "lineno", "function"));
        for (ThreadDump d : report.dumps()) {
            String time = d.time() == null ? "" : d.time().toString();
            for (ThreadStack t : d.threads()) {
                List<Object> thread = List.of(d.id(), time, d.reason().label(), d.detail(), t.threadId(),
                        t.name() == null ? "" : t.name(), t.current());
                if (t.frames().isEmpty()) {
                    csv.printRecord(concat(thread, "", "", "", ""));
                }
                for (int i = 0; i < t.frames().size(); i++) {
                    StackFrame f = t.frames().get(i);
                    csv.printRecord(concat(thread, i, f.file() == null ? "" : f.file(), f.line() < 0 ? "" : f.line(),
                            f.function() == null ? "" : f.function()));
                }
            }
        }
        csv.flush();
    }

    private static List<Object> concat(List<Object> head, Object... tail) {
        List<Object> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }
}

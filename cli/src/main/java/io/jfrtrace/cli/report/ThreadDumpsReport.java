package io.jfrtrace.cli.report;

import java.util.List;

import io.jfrtrace.analyzer.faulthandler.DumpPrinter;
import io.jfrtrace.analyzer.faulthandler.ThreadDump;

/** {@code dumps} and {@code dump PID}: thread dumps, oldest first, and the cuts faulthandler's text makes. */
public record ThreadDumpsReport(List<ThreadDump> dumps, DumpPrinter.Limits limits) {
    public ThreadDumpsReport {
        dumps = List.copyOf(dumps);
    }
}

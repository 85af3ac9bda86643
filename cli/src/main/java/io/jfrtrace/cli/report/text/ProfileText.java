package io.jfrtrace.cli.report.text;

import java.io.Writer;

import io.jfrtrace.analyzer.pstats.StatsPrinter;
import io.jfrtrace.cli.report.ProfileReport;
import io.jfrtrace.cli.report.ReportWriter;

/** pstats' own text, byte for byte ({@link StatsPrinter}). */
public final class ProfileText implements ReportWriter<ProfileReport> {
    @Override
    public Class<ProfileReport> reportType() {
        return ProfileReport.class;
    }

    @Override
    public void write(ProfileReport report, Writer out) {
        StatsPrinter printer = new StatsPrinter(report.stats());
        switch (report.view()) {
            case FUNCTIONS -> printer.printStats(out, report.restrictions());
            case CALLERS -> printer.printCallers(out, report.restrictions());
            case CALLEES -> printer.printCallees(out, report.restrictions());
        }
    }
}

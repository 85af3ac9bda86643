package io.jfrtrace.cli.report.text;

import java.io.Writer;

import io.jfrtrace.analyzer.pstats.ProfileDiffPrinter;
import io.jfrtrace.cli.report.ProfileDiffReport;
import io.jfrtrace.cli.report.ReportWriter;

/** The profile diff's table ({@link ProfileDiffPrinter}). */
public final class ProfileDiffText implements ReportWriter<ProfileDiffReport> {
    @Override
    public Class<ProfileDiffReport> reportType() {
        return ProfileDiffReport.class;
    }

    @Override
    public void write(ProfileDiffReport report, Writer out) {
        new ProfileDiffPrinter(report.diff()).print(out, report.restrictions());
    }
}

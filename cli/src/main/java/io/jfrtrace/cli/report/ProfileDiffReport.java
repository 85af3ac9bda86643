package io.jfrtrace.cli.report;

import java.util.List;

import io.jfrtrace.analyzer.pstats.ProfileDiff;
import io.jfrtrace.analyzer.pstats.Restriction;

/** {@code compare} of two call profiles: the sorted {@link ProfileDiff} and the restrictions that cut it. */
public record ProfileDiffReport(ProfileDiff diff, List<Restriction> restrictions) {
    public ProfileDiffReport {
        restrictions = List.copyOf(restrictions);
    }
}

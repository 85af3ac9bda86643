package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import io.jfrtrace.analyzer.jfr.CallProfileReader;
import io.jfrtrace.analyzer.jfr.ReadProgress;
import io.jfrtrace.analyzer.pstats.CProfilePrint;
import io.jfrtrace.analyzer.pstats.SortKey;
import io.jfrtrace.analyzer.pstats.Stats;

/** {@code record -s KEY}: the recording's call profile, printed when the program has ended ({@link CProfilePrint}). */
public final class ProfileAtExit {
    private ProfileAtExit() {
    }

    /** Prints the recording's profile to {@code out}; a recording that cannot be read is one line on {@code err}. */
    public static void print(Path recording, List<SortKey> keys, PrintWriter out, PrintWriter err, String command) {
        Stats stats;
        try {
            CallProfileReader.CallProfile calls = CallProfileReader.read(recording, ReadProgress.NONE);
            stats = Stats.fromTable(calls.table(), List.of()).timedBy(calls.basis());
        } catch (IOException e) {
            err.println(command + ": -s: no profile to print: " + e.getMessage());
            err.flush();
            return;
        }
        out.print(CProfilePrint.text(stats, keys));
        out.flush();
    }
}

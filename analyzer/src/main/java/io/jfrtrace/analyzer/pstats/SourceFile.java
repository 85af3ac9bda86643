package io.jfrtrace.analyzer.pstats;

import io.jfrtrace.analyzer.python.PyStr;

import java.time.Instant;
import java.util.Objects;
import java.util.TimeZone;

/**
 * A file line of the report: {@code time.ctime(mtime) + "    " + path}. A {@code null} mtime prints the path alone
 * (what pstats does when {@code os.stat} fails).
 */
public record SourceFile(String path, Instant mtime) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
    }

    public String line(TimeZone zone) {
        return mtime == null ? path : PyStr.ctime(mtime, zone) + "    " + path;
    }
}

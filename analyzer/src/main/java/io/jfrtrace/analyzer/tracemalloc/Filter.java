package io.jfrtrace.analyzer.tracemalloc;

import io.jfrtrace.analyzer.python.Fnmatch;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Python's {@code tracemalloc.Filter(inclusive, filename_pattern, lineno=None, all_frames=False, domain=None)}.
 * File names and the pattern are normalized (a trailing {@code .pyc} loses its {@code c}) and matched with POSIX
 * {@code fnmatch} ({@link Fnmatch}); an unterminated {@code [} in the pattern is rejected here, at construction.
 */
public final class Filter implements BaseFilter {
    private final boolean inclusive;
    private final String filenamePattern;
    private final Integer lineno;
    private final boolean allFrames;
    private final Integer domain;
    private final Pattern compiled;

    public Filter(boolean inclusive, String filenamePattern, Integer lineno, boolean allFrames, Integer domain) {
        this.inclusive = inclusive;
        this.filenamePattern = normalize(Objects.requireNonNull(filenamePattern, "filenamePattern"));
        this.lineno = lineno;
        this.allFrames = allFrames;
        this.domain = domain;
        this.compiled = Fnmatch.compile(this.filenamePattern);
    }

    /** {@code Filter(inclusive, pattern)}. */
    public Filter(boolean inclusive, String filenamePattern) {
        this(inclusive, filenamePattern, null, false, null);
    }

    @Override
    public boolean inclusive() {
        return inclusive;
    }

    /** The normalized pattern. */
    public String filenamePattern() {
        return filenamePattern;
    }

    public Integer lineno() {
        return lineno;
    }

    public boolean allFrames() {
        return allFrames;
    }

    public Integer domain() {
        return domain;
    }

    static String normalize(String filename) {
        return filename.endsWith(".pyc") ? filename.substring(0, filename.length() - 1) : filename;
    }

    private boolean matchFrame(Frame f) {
        if (!compiled.matcher(normalize(f.filename())).matches()) return false;
        return lineno == null || f.lineno() == lineno;
    }

    private boolean matchTraceback(Traceback tb) {
        if (allFrames) {
            for (Frame f : tb.frames()) {
                if (matchFrame(f)) return inclusive;
            }
            return !inclusive;
        }
        return matchFrame(tb.mostRecent()) ^ !inclusive;
    }

    @Override
    public boolean match(Trace trace) {
        boolean res = matchTraceback(trace.traceback());
        if (domain != null) {
            if (inclusive) return res && trace.domain() == domain;
            return res || trace.domain() != domain;
        }
        return res;
    }

    @Override
    public String toString() {
        return "Filter(inclusive=" + inclusive + ", filename_pattern=" + filenamePattern + ", lineno=" + lineno
                + ", all_frames=" + allFrames + ", domain=" + domain + ")";
    }
}

package io.jfrtrace.cli.timeit;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java source that {@code jfr-trace timeit} compiles: CPython's timer template ({@code inner(_it, _timer)}: the
 * setup, a clock reading, the statement in a loop, a clock reading) as a {@code Timeit.Inner}. The user's texts start
 * at the beginning of known lines, so a compiler position maps back to a line and column of what the user typed.
 */
public record SnippetSource(List<String> imports, String setup, String statement) {
    public static final String CLASS_NAME = "JfrTraceTimeit";
    /** {@code -i}'s default, as {@code python -m timeit} needs no import for builtins. */
    public static final List<String> DEFAULT_IMPORTS = List.of("java.util.*", "java.util.stream.*");
    private static final String CONSUME = "_bh.consume(";

    /** Which part of the user's text a generated line holds. */
    public enum Part {
        IMPORT("import"), SETUP("setup"), STATEMENT("statement");

        final String word;

        Part(String word) {
            this.word = word;
        }
    }

    /** A place in the user's text: the part, its 1-based line and column. */
    public record Place(Part part, long line, long column) {
        @Override
        public String toString() {
            return part.word + ":" + line + ":" + column;
        }
    }

    /**
     * Several statements as CPython joins them, one per line; one without a closing {@code ;} or {@code }} gets a
     * {@code ;}, as a Python statement needs none ({@code 'Arrays.sort(xs.clone())'}).
     */
    public static String lines(List<String> statements) {
        List<String> lines = new ArrayList<>();
        for (String s : statements) {
            String t = s.strip();
            lines.add(t.isEmpty() || t.endsWith(";") || t.endsWith("}") ? s : s + ";");
        }
        return String.join("\n", lines);
    }

    /** A local variable the setup declares at its top level: its name and its type as Java source. */
    public record SetupLocal(String name, String type) {
    }

    /**
     * The source the user's text is checked in: one method, the setup, then the statement in the loop;
     * {@code consumed} wraps those ranges (start, end offsets) in {@code _bh.consume(...)}. Its offsets, lines and
     * columns are the ones the other methods here speak of.
     */
    public String text(List<long[]> consumed) {
        return head() + consumedStatement(consumed) + tail();
    }

    /**
     * The source that is timed: as {@link #text}, except that the setup's top-level locals are handed to the loop,
     * in a method of its own, as fields of the instance (as JMH's state is): the JIT cannot take a value the setup
     * made for a constant and fold the statement's work away ({@code -s 'int x = 5;' 'x * 2'} would time an empty
     * loop). Line numbers of the user's text differ from {@link #text}'s: errors are reported from {@link #text}.
     */
    public String timedText(List<long[]> consumed, List<SetupLocal> locals) {
        StringBuilder b = new StringBuilder();
        for (String i : imports) {
            b.append("import ").append(i).append(";\n");
        }
        b.append("public final class ").append(CLASS_NAME).append(" implements io.jfrtrace.api.Timeit.Inner {\n")
                .append("private final io.jfrtrace.api.Blackhole _bh = new io.jfrtrace.api.Blackhole();\n");
        for (SetupLocal l : locals) {
            b.append("private ").append(l.type()).append(' ').append(l.name()).append(";\n");
        }
        b.append("public long time(long _number, java.util.function.LongSupplier _timer) throws Throwable {\n")
                .append(setup).append('\n');
        for (SetupLocal l : locals) {
            b.append("this.").append(l.name()).append(" = ").append(l.name()).append(";\n");
        }
        b.append("long _t0 = _timer.getAsLong();\n")
                .append(LOOP).append("(_number);\n")
                .append("long _t1 = _timer.getAsLong();\nreturn _t1 - _t0;\n}\n")
                .append("private void ").append(LOOP).append("(long _number) throws Throwable {\n")
                .append("for (long _i = 0; _i < _number; _i++) {\n")
                .append(consumedStatement(consumed))
                .append("\n}\n}\n}\n");
        return b.toString();
    }

    /** The timed loop's method in {@link #timedText}. */
    public static final String LOOP = "_loop";

    private String consumedStatement(List<long[]> consumed) {
        List<long[]> ranges = new ArrayList<>(consumed);
        ranges.sort((a, b) -> Long.compare(b[0], a[0])); // from the end, so earlier offsets stay valid
        StringBuilder s = new StringBuilder(statement);
        int base = statementOffset();
        for (long[] r : ranges) {
            s.insert((int) (r[1] - base), ")");
            s.insert((int) (r[0] - base), CONSUME);
        }
        return s.toString();
    }

    /** The offset of the setup's first character in {@link #text}. */
    public int setupOffset() {
        return statementOffset() - setup.length() - "\nlong _t0 = _timer.getAsLong();\nfor (long _i = 0; _i < _number; _i++) {\n".length();
    }

    public int setupEnd() {
        return setupOffset() + setup.length();
    }

    /**
     * The offset in {@link #text} with nothing consumed of an offset in {@code text(consumed)}: the wrapping adds no
     * line, only {@code _bh.consume(} before and {@code )} after each range.
     */
    public static long unwrapped(long offset, List<long[]> consumed) {
        List<long[]> ranges = new ArrayList<>(consumed);
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        long shift = 0;
        for (long[] r : ranges) {
            if (offset < r[0] + shift) {
                break;
            }
            shift += CONSUME.length();
            if (offset < r[1] + shift) {
                return Math.max(r[0], offset - shift);
            }
            shift += 1;
        }
        return offset - shift;
    }

    /** The 1-based line and column of an offset of {@link #text} with nothing consumed. */
    public long[] lineAndColumn(long offset) {
        String text = text(List.of());
        int end = (int) Math.min(Math.max(offset, 0), text.length());
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        return new long[] {text.substring(0, end).chars().filter(c -> c == '\n').count() + 1, end - lineStart + 1};
    }

    /** Where a 1-based line and column of {@link #text} (with nothing consumed) came from, or null (generated code). */
    public Place place(long line, long column) {
        long importStart = 1;
        long setupStart = importStart + imports.size() + 3; // the class, the blackhole and the method lines
        long statementStart = setupStart + lines(setup) + 2;
        if (line >= statementStart && line < statementStart + lines(statement)) {
            return new Place(Part.STATEMENT, line - statementStart + 1, column);
        }
        if (line >= setupStart && line < setupStart + lines(setup)) {
            return new Place(Part.SETUP, line - setupStart + 1, column);
        }
        if (line >= importStart && line < importStart + imports.size()) {
            // javac may place an import's error on the generated "import " itself: the name's start then
            return new Place(Part.IMPORT, line - importStart + 1, Math.max(1, column - "import ".length()));
        }
        return null;
    }

    /** The offset of the statement's first character in {@link #text}. */
    public int statementOffset() {
        return head().length();
    }

    public int statementEnd() {
        return statementOffset() + statement.length();
    }

    private String head() {
        StringBuilder b = new StringBuilder();
        for (String i : imports) {
            b.append("import ").append(i).append(";\n");
        }
        b.append("public final class ").append(CLASS_NAME).append(" implements io.jfrtrace.api.Timeit.Inner {\n")
                .append("private final io.jfrtrace.api.Blackhole _bh = new io.jfrtrace.api.Blackhole();\n")
                .append("public long time(long _number, java.util.function.LongSupplier _timer) throws Throwable {\n")
                .append(setup).append('\n')
                .append("long _t0 = _timer.getAsLong();\n")
                .append("for (long _i = 0; _i < _number; _i++) {\n");
        return b.toString();
    }

    private static String tail() {
        return "\n}\nlong _t1 = _timer.getAsLong();\nreturn _t1 - _t0;\n}\n}\n";
    }

    private static long lines(String s) {
        return s.chars().filter(c -> c == '\n').count() + 1;
    }
}

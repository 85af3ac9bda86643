package io.jfrtrace.analyzer.trace;

import java.util.Collection;

/**
 * The first two parts of {@code write_results}: {@code --listfuncs}' "functions called:" and {@code --trackcalls}'
 * "calling relationships:". Each is empty when there is nothing to list, as CPython prints nothing then.
 */
public final class CallsText {
    private CallsText() {
    }

    /** An empty line, {@code functions called:}, then one line per function in tuple order. */
    public static String functionsCalled(Collection<TracedFunction> sorted) {
        if (sorted.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\nfunctions called:\n");
        for (TracedFunction f : sorted) {
            b.append("filename: ").append(f.filename()).append(", modulename: ").append(f.modulename())
                    .append(", funcname: ").append(f.funcname()).append('\n');
        }
        return b.toString();
    }

    /**
     * An empty line, {@code calling relationships:}, then the pairs in order: an empty line and {@code *** FILE ***}
     * when the caller's file changes, {@code   --> FILE} when the callee's file is another than the caller's and than
     * the previous callee's, and {@code     mod.func -> mod.func}.
     */
    public static String callingRelationships(Collection<TracedCalls.Call> sorted) {
        if (sorted.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\ncalling relationships:\n");
        String lastFile = "";
        String lastCalleeFile = "";
        for (TracedCalls.Call c : sorted) {
            TracedFunction p = c.caller();
            TracedFunction q = c.callee();
            if (!p.filename().equals(lastFile)) {
                b.append("\n*** ").append(p.filename()).append(" ***\n");
                lastFile = p.filename();
                lastCalleeFile = "";
            }
            if (!q.filename().equals(p.filename()) && !lastCalleeFile.equals(q.filename())) {
                b.append("  --> ").append(q.filename()).append('\n');
                lastCalleeFile = q.filename();
            }
            b.append("    ").append(p.modulename()).append('.').append(p.funcname()).append(" -> ")
                    .append(q.modulename()).append('.').append(q.funcname()).append('\n');
        }
        return b.toString();
    }
}

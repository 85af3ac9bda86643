/**
 * Port of the model and printing of CPython 3.11's {@code tracemalloc} module ({@code Lib/tracemalloc.py}):
 * frames, tracebacks, traces, snapshots, statistics, diffs and filters, printed byte for byte like Python,
 * plus the documentation's "pretty top" ({@link io.jfrtrace.analyzer.tracemalloc.DisplayTop}) and a CSV form
 * of a snapshot ({@link io.jfrtrace.analyzer.tracemalloc.SnapshotCsv}).
 *
 * <p>The model knows nothing of JFR or terminals. One difference from Python: a {@link
 * io.jfrtrace.analyzer.tracemalloc.Trace} row stands for {@code count} identical live blocks of total {@code size};
 * every statistic counts {@code count}, as Python would for {@code count} separate traces.
 */
package io.jfrtrace.analyzer.tracemalloc;

/** The text of Python's {@code python -m timeit} (its {@code main}), for timings measured elsewhere. */
package io.jfrtrace.analyzer.timeit;

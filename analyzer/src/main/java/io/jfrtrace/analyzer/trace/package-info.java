/**
 * The port of Python's {@code trace.CoverageResults}: line counts per (file, line), the executable lines of each file,
 * merged over recordings as {@code --file} accumulates them; the {@code .cover} text and the summary, byte for byte as
 * CPython writes them. Knows nothing of JFR or terminals: the reader builds {@link io.jfrtrace.analyzer.trace.CoverageResults},
 * the command writes the files.
 */
package io.jfrtrace.analyzer.trace;

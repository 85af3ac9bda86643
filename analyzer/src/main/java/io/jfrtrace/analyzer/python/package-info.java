/**
 * Python's semantics, for the ports to stand on: {@code %}-formatting and {@code repr} ({@link
 * io.jfrtrace.analyzer.python.PyFormat}, {@link io.jfrtrace.analyzer.python.PyStr}), {@code int()}/{@code float()}
 * acceptance ({@link io.jfrtrace.analyzer.python.PyNumbers}), the {@code re} subset pstats restrictions use
 * ({@link io.jfrtrace.analyzer.python.PyRegex}), {@code fnmatch} ({@link io.jfrtrace.analyzer.python.Fnmatch}),
 * {@code marshal} ({@link io.jfrtrace.analyzer.python.MarshalReader}, {@link
 * io.jfrtrace.analyzer.python.MarshalWriter}), code objects' repr ({@link io.jfrtrace.analyzer.python.PyCode}) and
 * CPython's UTF-8 error handling ({@link io.jfrtrace.analyzer.python.Utf8}). Nothing here knows pstats or tracemalloc.
 */
package io.jfrtrace.analyzer.python;

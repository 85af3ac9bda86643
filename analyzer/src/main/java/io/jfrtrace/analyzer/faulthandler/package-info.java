/**
 * The model and printing of CPython 3.11's {@code faulthandler} thread dumps, Java-flavoured: a {@link
 * io.jfrtrace.analyzer.faulthandler.ThreadDump} holds the {@link io.jfrtrace.analyzer.faulthandler.ThreadStack}s of
 * one dump, and {@link io.jfrtrace.analyzer.faulthandler.DumpPrinter} writes them byte for byte as faulthandler
 * would (ASCII escaping, 500-code-point strings, 100 frames, 100 threads, {@code Timeout (H:MM:SS)!} headers), with
 * {@code JVM}/{@code Java} for {@code Python} and the thread's name after its id.
 *
 * <p>The model knows nothing of JFR or terminals; {@code io.jfrtrace.analyzer.jfr.ThreadDumpReader} builds it.
 */
package io.jfrtrace.analyzer.faulthandler;

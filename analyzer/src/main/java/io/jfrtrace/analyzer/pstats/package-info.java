/**
 * A port of CPython 3.11's {@code pstats} (and cProfile's {@code snapshot_stats}) that prints byte-identical reports.
 *
 * <p>Typical CLI flow:
 * <pre>{@code
 * Stats s = Stats.fromTable(table, List.of());          // or Stats.load(Path.of(arg), arg)
 * s.add(Stats.load(other));                              // optional, pstats.add semantics (reverse order)
 * s.stripDirs();                                         // optional
 * s.sortStats(SortKey.parseArgs(List.of("cumulative"))); // SortKeyException: one-line message with valid keys
 * List<Restriction> r = List.of(Restriction.parse("10"), Restriction.parse("main"));
 * new StatsPrinter(s).printStats(out, r);        // any Appendable (PrintStream, Writer, StringBuilder) // printCallers / printCallees likewise
 * s.dump(Path.of("out.pstats"));                          // loadable by python -m pstats / snakeviz
 * }</pre>
 * The model knows nothing of JFR or terminals. Number formatting comes from {@code io.jfrtrace.analyzer.pyformat}.
 */
package io.jfrtrace.analyzer.pstats;

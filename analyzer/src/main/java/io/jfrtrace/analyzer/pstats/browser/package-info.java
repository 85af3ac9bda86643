/**
 * The interactive statistics browser of {@code python -m pstats FILE...}: a port of pstats.py's
 * {@code ProfileBrowser} ({@link io.jfrtrace.analyzer.pstats.browser.ProfileBrowser}) and of the {@code cmd.Cmd}
 * loop it runs in (CommandLoop: prompt, line parsing, dispatch, {@code help}, unknown commands), printing CPython's
 * texts byte for byte. It reads lines from a Reader and writes to a Writer: what the terminal does (line editing,
 * history) is the caller's; how files are loaded is the caller's {@link io.jfrtrace.analyzer.pstats.browser.StatsLoader}.
 */
package io.jfrtrace.analyzer.pstats.browser;

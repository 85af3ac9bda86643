/**
 * Python-exact text formatting for Java: {@link io.jfrtrace.analyzer.pyformat.PyFormat} ({@code %.Nf}, {@code %+.Nf},
 * {@code %W.Nf}, {@code %.Ng}, {@code repr(float)}), {@link io.jfrtrace.analyzer.pyformat.PyStr} ({@code repr(str)},
 * code-point lengths/padding/order, {@code time.ctime}) and {@link io.jfrtrace.analyzer.pyformat.PyNumbers}
 * ({@code int(str)}/{@code float(str)} acceptance rules).
 */
package io.jfrtrace.analyzer.pyformat;

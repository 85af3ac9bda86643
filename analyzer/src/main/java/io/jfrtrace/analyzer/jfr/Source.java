package io.jfrtrace.analyzer.jfr;

/**
 * A reader's side of one read pass: for each chunk it registers handlers and collects what they see into a part; the
 * parts come back in file order, on the thread that runs the pass, to be merged.
 *
 * @param <P> what one chunk gives
 */
interface Source<P> {
    /** Registers this source's handlers for one chunk; returns the part they fill. */
    P chunk(Handlers on);

    /** One chunk's part, in file order. */
    void add(P part);
}

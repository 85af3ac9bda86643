package io.jfrtrace.analyzer.tracemalloc;

/** Python's {@code tracemalloc.DomainFilter(inclusive, domain)}: {@code (trace.domain == domain) XOR (not inclusive)}. */
public record DomainFilter(boolean inclusive, int domain) implements BaseFilter {
    @Override
    public boolean match(Trace trace) {
        return (trace.domain() == domain) ^ !inclusive;
    }
}

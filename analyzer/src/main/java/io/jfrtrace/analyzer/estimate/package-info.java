/**
 * Allocation estimates from sampled data (the JVM's own {@code jdk.ObjectAllocationSample} and
 * {@code jdk.OldObjectSample}), shaped like tracemalloc statistics but honest about what the samples cannot say:
 * a size or an object count the recording does not determine is unknown, never 0. Knows nothing of JFR.
 */
package io.jfrtrace.analyzer.estimate;

/**
 * Stack samples with weights (the model of sampled profiles: the JVM's execution samples, allocation samples): merge,
 * filter, and turn them into a pstats table or collapsed stacks (one line per stack, frames root first, then its
 * weight: the input of flame graphs). Knows nothing of JFR; readers build it.
 */
package io.jfrtrace.analyzer.stacks;

/**
 * Text that jfr-trace writes in CPython's formats from both sides of a recording: faulthandler's dumps, written
 * live by the agent (and by the API without it) and printed by {@code jfr-trace dumps}. No java.util.Formatter:
 * the agent runs this inside the program's JVM (docs/architecture.md).
 */
package io.jfrtrace.schema.text;

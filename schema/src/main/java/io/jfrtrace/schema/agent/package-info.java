/**
 * The agent's option string, {@code -javaagent:jfr-trace-agent.jar=KEY=VALUE,...}: its keys, its encoding and the
 * signals the agent may take over. {@code jfr-trace record} writes it, the agent parses it (also when a user writes
 * it by hand), so both sides use these.
 */
package io.jfrtrace.schema.agent;

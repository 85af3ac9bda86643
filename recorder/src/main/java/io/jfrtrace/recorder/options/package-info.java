/**
 * The agent's option string parsed ({@code -javaagent:jfr-trace-agent.jar=KEY=VALUE,...}; keys and encoding in
 * {@code io.jfrtrace.schema.agent}). Depends on nothing of the agent, so that every part of it can read its options.
 */
package io.jfrtrace.recorder.options;

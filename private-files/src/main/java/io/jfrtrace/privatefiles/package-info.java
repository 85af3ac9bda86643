/**
 * Where jfr-trace writes and what it loads, for the CLI and the agent alike (one implementation, java.base only).
 *
 * <p>{@link io.jfrtrace.privatefiles.UserCache} is the per-user folder of the code jfr-trace loads (the agent jar,
 * the bootstrap runtime jar, the native libraries), refused when another user could write to it;
 * {@link io.jfrtrace.privatefiles.CachedFile} is a file there, used only when it holds exactly the expected bytes;
 * {@link io.jfrtrace.privatefiles.PrivateFile} creates the files that hold a recording's data (every environment
 * variable and JVM argument) readable by their owner alone, whatever the umask.
 */
package io.jfrtrace.privatefiles;

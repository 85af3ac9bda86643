package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The optional native crash handler ({@code libjfrtrace_fault.so}, built from recorder/src/main/native when gcc
 * was there): it travels inside the CLI jar and is written once per content hash beside the agent jar. It is used
 * only with the target JDK's {@code lib/libjsig.so}, which makes HotSpot call it for real crashes only.
 * {@code JFRTRACE_NATIVE=off} disables it (see {@link NativeLibrary}).
 */
public record NativeFaultAgent(Path library, Path libjsig) {
    /** The agent and libjsig for this java, or null when either is missing or disabled. */
    public static NativeFaultAgent locate(Path javaExe) {
        Path lib = findLibrary();
        if (lib == null) {
            return null;
        }
        try {
            Path home = javaExe.toRealPath().getParent().getParent();
            Path jsig = home.resolve("lib").resolve("libjsig.so");
            return Files.isRegularFile(jsig) ? new NativeFaultAgent(lib, jsig) : null;
        } catch (IOException | NullPointerException e) {
            return null;
        }
    }

    private static Path findLibrary() {
        String override = System.getProperty("jfrtrace.nativeLibrary");
        if (override != null) {
            Path p = Paths.get(override).toAbsolutePath();
            return Files.isRegularFile(p) ? p : null;
        }
        return NativeLibrary.find("libjfrtrace_fault");
    }

    /** {@code -agentpath:LIB=CRASHFILE}. */
    public String agentArgument(Path crashFile) {
        return "-agentpath:" + library + "=" + crashFile;
    }

    /** LD_PRELOAD for the child: libjsig first, then whatever the user preloads. */
    public String ldPreload(String existing) {
        return existing == null || existing.isBlank() ? libjsig.toString() : libjsig + " " + existing;
    }
}

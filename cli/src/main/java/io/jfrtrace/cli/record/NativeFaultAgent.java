package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * The optional native crash handler ({@code libjfrtrace_fault.so}, built from recorder/src/main/native when gcc
 * was there): it travels inside the CLI jar and is written once per content hash beside the agent jar. It is used
 * only with the target JDK's {@code lib/libjsig.so}, which makes HotSpot call it for real crashes only.
 * {@code JFRTRACE_NATIVE=off} in the environment (or {@code -Djfrtrace.native=off}) disables it.
 */
public record NativeFaultAgent(Path library, Path libjsig) {
    private static final String RESOURCE = "/libjfrtrace_fault.so";

    /** The agent and libjsig for this java, or null when either is missing or disabled. */
    public static NativeFaultAgent locate(Path javaExe) {
        String off = System.getProperty("jfrtrace.native", System.getenv("JFRTRACE_NATIVE"));
        if (off != null && (off.equalsIgnoreCase("off") || off.equalsIgnoreCase("false") || off.equals("0"))) {
            return null;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return null; // the library is built for the build machine: linux-x64
        }
        Path jsig;
        try {
            Path home = javaExe.toRealPath().getParent().getParent();
            jsig = home.resolve("lib").resolve("libjsig.so");
        } catch (IOException | NullPointerException e) {
            return null;
        }
        if (!Files.isRegularFile(jsig)) {
            return null;
        }
        try {
            Path lib = extract();
            return lib == null ? null : new NativeFaultAgent(lib, jsig);
        } catch (IOException e) {
            return null; // optional: record works as before
        }
    }

    private static Path extract() throws IOException {
        String override = System.getProperty("jfrtrace.nativeLibrary");
        if (override != null) {
            Path p = Paths.get(override).toAbsolutePath();
            return Files.isRegularFile(p) ? p : null;
        }
        return CachedResource.extract(RESOURCE, "libjfrtrace_fault", ".so"); // null: built without gcc
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

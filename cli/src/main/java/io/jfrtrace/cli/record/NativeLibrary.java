package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The optional native libraries built from recorder/src/main/native (the crash handler, the TSC clock).
 * They exist only where gcc was at build time, are built for the build machine (linux-x64), travel inside
 * the CLI jar and are written once per content hash. {@code JFRTRACE_NATIVE=off} in the environment (or
 * {@code -Djfrtrace.native=off}) leaves all of them out; record then works on pure Java.
 */
public final class NativeLibrary {
    private NativeLibrary() {
    }

    /** {@code NAME.so} extracted to the cache, or null when disabled, on another platform or not built. */
    public static Path find(String name) {
        String off = System.getProperty("jfrtrace.native", System.getenv("JFRTRACE_NATIVE"));
        if (off != null && (off.equalsIgnoreCase("off") || off.equalsIgnoreCase("false") || off.equals("0"))) {
            return null;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return null;
        }
        try {
            return CachedResource.extract("/" + name + ".so", name, ".so");
        } catch (IOException e) {
            return null; // optional: record works without it
        }
    }
}

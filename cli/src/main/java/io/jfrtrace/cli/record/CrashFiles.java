package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * After a native crash: HotSpot's {@code hs_err_pid<pid>.log} (written in the working directory)
 * is moved beside the output as {@code OUT.hs_err.log}; {@link CrashDump} turns it (with the emergency
 * dump and the native agent's crash file) into a fatal {@code jfrtrace.ThreadDump} in the output.
 */
public final class CrashFiles {
    private CrashFiles() {
    }

    public static Path hsErrBeside(Path out) {
        return out.resolveSibling(out.getFileName() + ".hs_err.log");
    }

    /** Moves the hs_err log of {@code pid} beside {@code out}; where it is now, or null when the JVM left none. */
    public static Path keepBeside(Path out, long pid, Path workDir) {
        Path log = workDir.resolve("hs_err_pid" + pid + ".log");
        if (!Files.isRegularFile(log)) {
            return null;
        }
        Path kept = hsErrBeside(out);
        try {
            Files.move(log, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            kept = log;
        }
        return kept;
    }

    /** HotSpot's one-line description of the error ({@code SIGSEGV (0xb) at pc=0x...}), or null. */
    public static String headline(Path hsErr) {
        if (hsErr == null) {
            return null;
        }
        try {
            return HsErrLog.read(hsErr).headline();
        } catch (IOException e) {
            return null;
        }
    }
}

package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.jfrtrace.privatefiles.PrivateFile;

/**
 * After a native crash: HotSpot's {@code hs_err_pid<pid>.log} is kept beside the output as
 * {@code OUT.hs_err.log}, the owner's alone (it holds the command line and the environment);
 * {@link CrashDump} turns it (with the emergency dump and the native agent's crash file) into a fatal
 * {@code jfrtrace.ThreadDump} in the output.
 */
public final class CrashFiles {
    private CrashFiles() {
    }

    public static Path hsErrBeside(Path out) {
        return out.resolveSibling(out.getFileName() + ".hs_err.log");
    }

    /**
     * {@code -XX:ErrorFile} in {@code folder}, record's private run folder: HotSpot creates hs_err with the
     * umask's mode, and in the working directory others could read it until record had moved it.
     */
    public static String errorFileOption(Path folder) {
        return "-XX:ErrorFile=" + folder.toString().replace("%", "%%") + folder.getFileSystem().getSeparator() + "hs_err_pid%p.log";
    }

    /**
     * Moves the hs_err log of {@code pid} from the first of {@code folders} that has it to beside {@code out},
     * as a new file of the owner's alone; where it is now, or null when the JVM left none.
     */
    public static Path keepBeside(Path out, long pid, Path... folders) {
        for (Path folder : folders) {
            Path log = folder.resolve("hs_err_pid" + pid + ".log");
            if (Files.isRegularFile(log)) {
                Path kept = hsErrBeside(out);
                try {
                    PrivateFile.copy(log, kept);
                    Files.delete(log);
                    return kept;
                } catch (IOException e) {
                    return log;
                }
            }
        }
        return null;
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

package io.jfrtrace.cli.record;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * After a native crash: HotSpot's {@code hs_err_pid<pid>.log} (written in the working directory)
 * is moved beside the output as {@code OUT.hs_err.log}, and the signal it names is reported. The
 * crashing thread's Java stack is in the recording as the emergency dump's {@code jdk.Shutdown}
 * event (RecordingRecovery copied it); the optional native agent's notes are in {@code OUT.crash.txt}.
 */
public final class CrashFiles {
    private CrashFiles() {
    }

    public static Path hsErrBeside(Path out) {
        return out.resolveSibling(out.getFileName() + ".hs_err.log");
    }

    public static Path crashNotesBeside(Path out) {
        return out.resolveSibling(out.getFileName() + ".crash.txt");
    }

    /** Moves the hs_err log of {@code pid} beside {@code out}; says what happened. */
    public static void keepBeside(Path out, long pid, Path workDir, PrintWriter err) {
        Path log = workDir.resolve("hs_err_pid" + pid + ".log");
        if (!Files.isRegularFile(log)) {
            return;
        }
        Path kept = hsErrBeside(out);
        try {
            Files.move(log, kept, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            kept = log;
        }
        String what = "a fatal error";
        try {
            List<String> lines = Files.readAllLines(kept, StandardCharsets.ISO_8859_1);
            for (String l : lines) {
                String t = l.startsWith("#") ? l.substring(1).trim() : "";
                if (t.startsWith("SIG") || t.startsWith("EXCEPTION_") || t.startsWith("Internal Error")
                        || t.startsWith("Out of Memory") || t.startsWith("There is insufficient memory")) {
                    int comma = t.indexOf(", pid=");
                    what = comma > 0 ? t.substring(0, comma) : t;
                    break;
                }
            }
        } catch (IOException ignored) {
            // keep the generic wording
        }
        Path notes = crashNotesBeside(out);
        err.println("jfr-trace: the JVM crashed (" + what + "); the crashing thread's Java stack is the jdk.Shutdown event in "
                + out + "; HotSpot's error log is " + kept + (Files.isRegularFile(notes) ? "; native dump: " + notes : ""));
    }
}

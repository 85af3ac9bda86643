package io.jfrtrace.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashFilesTest {
    @TempDir
    Path dir;

    @Test
    void hotSpotWritesItsErrorLogInTheGivenFolderWithAPercentEscaped() {
        assertEquals("-XX:ErrorFile=/tmp/run/hs_err_pid%p.log", CrashFiles.errorFileOption(Path.of("/tmp/run")));
        assertEquals("-XX:ErrorFile=/tmp/100%%/hs_err_pid%p.log", CrashFiles.errorFileOption(Path.of("/tmp/100%")));
    }

    /** HotSpot creates the log with the umask's mode; the copy kept beside the output is the owner's alone. */
    @Test
    void theLogIsMovedBesideTheOutputAsAPrivateFile() throws Exception {
        Path run = Files.createDirectories(dir.resolve("run"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path log = Files.writeString(run.resolve("hs_err_pid42.log"), "# A fatal error has been detected");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path out = dir.resolve("out.jfr");
        Path kept = CrashFiles.keepBeside(out, 42, run, work);
        assertEquals(dir.resolve("out.jfr.hs_err.log"), kept);
        assertEquals("# A fatal error has been detected", Files.readString(kept));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)));
        assertFalse(Files.exists(log));
        assertNull(CrashFiles.keepBeside(out, 43, run, work));
    }
}

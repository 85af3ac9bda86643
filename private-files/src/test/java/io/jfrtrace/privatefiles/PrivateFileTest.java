package io.jfrtrace.privatefiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFileTest {
    @TempDir
    Path dir;

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aNewFileIsTheOwnersAloneWhateverTheUmaskWouldGive() throws Exception {
        Path f = dir.resolve("out.jfr");
        PrivateFile.create(f);
        assertEquals("rw-------", mode(f));
        assertEquals(0, Files.size(f));
    }

    /** Reopening would keep the old mode, and a reader holding the old file open would read the new data. */
    @Test
    void anExistingFileIsReplacedByANewOneNotReopened() throws Exception {
        Path f = Files.writeString(dir.resolve("out.jfr"), "an earlier recording");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (InputStream reader = Files.newInputStream(f)) { // opened while the file was readable by all
            try (OutputStream out = PrivateFile.newOutputStream(f)) {
                out.write('x');
            }
            assertEquals("an earlier recording", new String(reader.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals("rw-------", mode(f));
        assertEquals("x", Files.readString(f));
    }

    @Test
    void aSymbolicLinkIsFollowedAndItsTargetReplaced() throws Exception {
        Path target = Files.writeString(dir.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);
        try (OutputStream out = PrivateFile.newOutputStream(link)) {
            out.write('x');
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x", Files.readString(target));
        assertEquals("rw-------", mode(target));
    }

    @Test
    void aLinkToNowhereIsRefusedNotCreatedThrough() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("planted.jfr"), dir.resolve("victim"));
        IOException e = assertThrows(IOException.class, () -> PrivateFile.create(link));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("victim")));
    }

    @Test
    void aDeviceIsWrittenToAsItIs() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null"));
        try (OutputStream out = PrivateFile.newOutputStream(link)) {
            out.write('x');
        }
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void aFolderIsRefused() {
        IOException e = assertThrows(IOException.class, () -> PrivateFile.create(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void aCopyIsPrivateWhateverTheSourcesMode() throws Exception {
        Path from = Files.writeString(dir.resolve("hs_err_pid1.log"), "# A fatal error");
        Files.setPosixFilePermissions(from, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path to = dir.resolve("out.jfr.hs_err.log");
        PrivateFile.copy(from, to);
        assertEquals("# A fatal error", Files.readString(to));
        assertEquals("rw-------", mode(to));
    }
}

package io.jfrtrace.privatefiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedFileTest {
    static final byte[] CONTENT = "the real library".getBytes();

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsWrittenPrivatelyWithNothingLeftBeside() throws Exception {
        Path f = CachedFile.ensure(dir, "lib-0123.so", CONTENT);
        assertEquals(dir.resolve("lib-0123.so"), f);
        assertArrayEquals(CONTENT, Files.readAllBytes(f));
        assertEquals("rw-------", PrivateFileTest.mode(f));
        try (Stream<Path> all = Files.list(dir)) {
            assertEquals(List.of(f), all.toList());
        }
    }

    @Test
    void aFileHoldingTheContentIsUsedAsItIs() throws Exception {
        Path f = CachedFile.ensure(dir, "lib-0123.so", CONTENT);
        Object key = Files.readAttributes(f, BasicFileAttributes.class).fileKey();
        CachedFile.ensure(dir, "lib-0123.so", CONTENT);
        assertEquals(key, Files.readAttributes(f, BasicFileAttributes.class).fileKey());
    }

    /** The attack of issue 10: a planted file of the same size used to pass. */
    @Test
    void aSameSizeFileWithOtherBytesIsReplaced() throws Exception {
        byte[] fake = "planted library!".getBytes();
        assertEquals(CONTENT.length, fake.length);
        Path f = Files.write(dir.resolve("lib-0123.so"), fake);
        CachedFile.ensure(dir, "lib-0123.so", CONTENT);
        assertArrayEquals(CONTENT, Files.readAllBytes(f));
    }

    /** Right now it holds the bytes, but anyone who may write to it could change them before the JVM loads it. */
    @Test
    void theRightBytesInAFileOthersMayWriteAreWrittenAnew() throws Exception {
        Path f = Files.write(dir.resolve("lib-0123.so"), CONTENT);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
        CachedFile.ensure(dir, "lib-0123.so", CONTENT);
        assertEquals("rw-------", PrivateFileTest.mode(f));
    }

    @Test
    void aSymbolicLinkIsReplacedByAFileNotFollowed() throws Exception {
        Path elsewhere = Files.write(dir.resolve("elsewhere.so"), CONTENT);
        Path link = Files.createSymbolicLink(dir.resolve("lib-0123.so"), elsewhere);
        Path f = CachedFile.ensure(dir, "lib-0123.so", CONTENT);
        assertEquals(link, f);
        assertTrue(Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(CONTENT, Files.readAllBytes(f));
    }
}

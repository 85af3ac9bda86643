package io.jfrtrace.privatefiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserCacheTest {
    @TempDir
    Path dir;

    Path tmp() throws Exception {
        return Files.createDirectories(dir.resolve("tmp"));
    }

    @Test
    void theCacheIsUnderXdgCacheHomeElseUnderTheHomesDotCache() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        assertEquals(Path.of("/x/cache/jfr-trace"), UserCache.location("/x/cache", home.toString()));
        assertEquals(home.resolve(".cache/jfr-trace"), UserCache.location(null, home.toString()));
        assertEquals(home.resolve(".cache/jfr-trace"), UserCache.location("", home.toString()));
        // the XDG rule: a relative path is invalid and ignored
        assertEquals(home.resolve(".cache/jfr-trace"), UserCache.location("relative/cache", home.toString()));
        assertNull(UserCache.location(null, dir.resolve("no-such-home").toString()));
        assertNull(UserCache.location(null, "?"));
    }

    @Test
    void aMissingCacheIsCreatedForTheOwnerAlone() throws Exception {
        Path xdg = dir.resolve("xdg");
        Path cache = UserCache.open(xdg.toString(), null, tmp());
        assertEquals(xdg.resolve("jfr-trace"), cache);
        assertEquals("rwx------", PrivateFileTest.mode(cache));
        assertEquals("rwx------", PrivateFileTest.mode(xdg));
    }

    @Test
    void anExistingPrivateCacheIsUsed() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("xdg/jfr-trace"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(cache, UserCache.open(dir.resolve("xdg").toString(), null, tmp()));
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"rwxrwxrwx", "rwxrwx---", "rwx-w----"})
    void aCacheFolderOthersMayWriteToIsRefused(String mode) throws Exception {
        Path cache = Files.createDirectories(dir.resolve("xdg/jfr-trace"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString(mode));
        UnsafeFolderException e = assertThrows(UnsafeFolderException.class, () -> UserCache.open(dir.resolve("xdg").toString(), null, tmp()));
        assertTrue(e.getMessage().startsWith("unsafe cache folder " + cache + ": it is writable by "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; remove it, or set XDG_CACHE_HOME to a folder of your own"), e.getMessage());
    }

    @Test
    void aCacheFolderOfAnotherUserIsRefused() throws Exception {
        Path cache = Files.createDirectories(dir.resolve("xdg/jfr-trace"));
        assumeTrue((Integer) Files.getAttribute(cache, "unix:uid") == 0, "only root can give a folder away");
        Files.setAttribute(cache, "unix:uid", 65534);
        UnsafeFolderException e = assertThrows(UnsafeFolderException.class, () -> UserCache.open(dir.resolve("xdg").toString(), null, tmp()));
        assertTrue(e.getMessage().contains(": it belongs to "), e.getMessage());
        assertTrue(e.getMessage().contains(", not to you (root)"), e.getMessage());
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToAPrivateFolder() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwx------"));
        Path cache = Files.createSymbolicLink(Files.createDirectories(dir.resolve("xdg")).resolve("jfr-trace"), real);
        UnsafeFolderException e = assertThrows(UnsafeFolderException.class, () -> UserCache.open(dir.resolve("xdg").toString(), null, tmp()));
        assertTrue(e.getMessage().startsWith("unsafe cache folder " + cache + ": it is a symbolic link;"), e.getMessage());
    }

    @Test
    void aFileInThePlaceOfTheFolderIsRefused() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("xdg")).resolve("jfr-trace"), "");
        UnsafeFolderException e = assertThrows(UnsafeFolderException.class, () -> UserCache.open(dir.resolve("xdg").toString(), null, tmp()));
        assertTrue(e.getMessage().contains(": it is not a folder;"), e.getMessage());
    }

    /** Whoever may write to a folder above can rename the cache away and put theirs in its place. */
    @Test
    void aFolderAboveThatOthersMayWriteToIsRefusedUnlessSticky() throws Exception {
        Path xdg = Files.createDirectories(dir.resolve("shared/xdg"));
        Path shared = dir.resolve("shared");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        UnsafeFolderException e = assertThrows(UnsafeFolderException.class, () -> UserCache.open(xdg.toString(), null, tmp()));
        assertEquals("unsafe cache folder " + xdg.resolve("jfr-trace") + ": the folder above it, " + shared
                + ", is writable by others and has no sticky bit (mode 777); set XDG_CACHE_HOME to a folder of your own", e.getMessage());
        assertFalse(Files.exists(xdg.resolve("jfr-trace")), "created under a folder others may change");
        Files.setAttribute(shared, "unix:mode", 01777); // as /tmp: no one may rename what is not theirs
        assertEquals(xdg.resolve("jfr-trace"), UserCache.open(xdg.toString(), null, tmp()));
    }

    @Test
    void aFolderAboveOfAnotherUserIsRefused() throws Exception {
        Path xdg = Files.createDirectories(dir.resolve("theirs/xdg"));
        assumeTrue((Integer) Files.getAttribute(xdg, "unix:uid") == 0, "only root can give a folder away");
        Files.setAttribute(dir.resolve("theirs"), "unix:uid", 65534);
        UnsafeFolderException e = assertThrows(UnsafeFolderException.class, () -> UserCache.open(xdg.toString(), null, tmp()));
        assertTrue(e.getMessage().contains(": the folder above it, " + dir.resolve("theirs") + ", belongs to "), e.getMessage());
    }

    @Test
    void withoutAHomeEachProcessGetsAFreshPrivateTempFolder() throws Exception {
        Path tmp = tmp();
        Path first = UserCache.open(null, "?", tmp);
        Path second = UserCache.open(null, "?", tmp);
        assertEquals(tmp, first.getParent());
        assertTrue(first.getFileName().toString().startsWith("jfr-trace-cache"), first.toString());
        assertNotEquals(first, second);
        assertEquals("rwx------", PrivateFileTest.mode(first));
    }
}

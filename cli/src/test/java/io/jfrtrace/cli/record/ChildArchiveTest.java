package io.jfrtrace.cli.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program JVM's archive is mapped in only for a program on the very JDK that made it. */
class ChildArchiveTest {
    @TempDir
    Path folder;

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** An archive and the identity the build writes for the JDK at {@code home}, with {@code libjvm.so} as given. */
    private void made(Path home, long size, long mtime) throws Exception {
        Files.writeString(folder.resolve(ChildArchive.ARCHIVE), "archive");
        Files.writeString(folder.resolve(ChildArchive.IDENTITY), home + "\n" + size + "\n" + mtime + "\n");
    }

    private static Path home() throws Exception {
        return JAVA.toRealPath().getParent().getParent();
    }

    private static long[] libjvm() throws Exception {
        Path jvm = home().resolve("lib/server/libjvm.so");
        return new long[] {Files.size(jvm), Files.getLastModifiedTime(jvm).to(TimeUnit.SECONDS)};
    }

    @Test
    void theJdkThatMadeItMapsItInQuietly() throws Exception {
        long[] jvm = libjvm();
        made(home(), jvm[0], jvm[1]);
        assertEquals(List.of("-XX:SharedArchiveFile=" + folder.resolve(ChildArchive.ARCHIVE), "-Xshare:auto",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off"), ChildArchive.options(JAVA, folder));
    }

    @Test
    void anotherJdkOrThisOneUpdatedInPlaceDoesNot() throws Exception {
        long[] jvm = libjvm();
        made(Path.of("/usr/lib/jvm/another-jdk"), jvm[0], jvm[1]);
        assertEquals(List.of(), ChildArchive.options(JAVA, folder));
        made(home(), jvm[0] + 1, jvm[1]);
        assertEquals(List.of(), ChildArchive.options(JAVA, folder));
        made(home(), jvm[0], jvm[1] - 60);
        assertEquals(List.of(), ChildArchive.options(JAVA, folder));
    }

    @Test
    void aFolderWhosePathTheJvmWouldSplitIsNotUsed() throws Exception {
        Path odd = Files.createDirectories(folder.resolve("a:b"));
        long[] jvm = libjvm();
        Files.writeString(odd.resolve(ChildArchive.ARCHIVE), "archive");
        Files.writeString(odd.resolve(ChildArchive.IDENTITY), home() + "\n" + jvm[0] + "\n" + jvm[1] + "\n");
        assertEquals(List.of(), ChildArchive.options(JAVA, odd));
    }

    @Test
    void noArchiveOrNoIdentityNothing() throws Exception {
        assertEquals(List.of(), ChildArchive.options(JAVA, folder));
        long[] jvm = libjvm();
        made(home(), jvm[0], jvm[1]);
        Files.delete(folder.resolve(ChildArchive.IDENTITY));
        assertEquals(List.of(), ChildArchive.options(JAVA, folder));
    }
}

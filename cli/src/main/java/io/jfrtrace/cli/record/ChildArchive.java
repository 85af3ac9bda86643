package io.jfrtrace.cli.record;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The program JVM's class-data archive: the JDK's and JFR's classes that a program under record loads before its
 * {@code main}, which the JDK's own archive leaves out (about 1,200 classes read from {@code jrt:/} otherwise; the
 * program's JVM starts about 40 ms sooner with them mapped in, docs/architecture.md "Start-up"). The build makes it
 * beside the CLI jar for the JDK that built the jar, so it is as trusted as the jar, and writes that JDK's identity
 * beside it ({@code .id}: its {@code java.home}, its {@code libjvm.so}'s size and modification time in seconds). It
 * is used only for a program on that very JDK: an archive the JVM finds invalid (another JDK, or this one updated in
 * place) would make it start with no shared classes at all, slower than without ours. No agent or program class is
 * in it, so any class path and the runtime jar on the boot class path match it.
 */
public final class ChildArchive {
    static final String ARCHIVE = "jfr-trace-child.jsa";
    static final String IDENTITY = ARCHIVE + ".id";

    private ChildArchive() {
    }

    /** The JVM options that map the archive beside the CLI's classes into a program run by {@code javaExe}; or none. */
    static List<String> options(Path javaExe) {
        try {
            Path code = Path.of(ChildArchive.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return options(javaExe, code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return List.of(); // only an optimisation
        }
    }

    /**
     * The options for the archive in {@code folder}, when it was made by the JDK of {@code javaExe}: the archive first,
     * then quiet about it (the program's own options come later and win, {@code -Xshare:off} too).
     */
    static List<String> options(Path javaExe, Path folder) {
        Path archive = folder.resolve(ARCHIVE);
        Path identity = folder.resolve(IDENTITY);
        try {
            // SharedArchiveFile splits its value at the path separator (a base and a top archive)
            if (archive.toString().contains(java.io.File.pathSeparator) || !Files.isRegularFile(archive)
                    || !Files.isRegularFile(identity)) {
                return List.of();
            }
            List<String> id = Files.readAllLines(identity);
            Path home = javaExe.toRealPath().getParent().getParent();
            Path jvm = home.resolve("lib/server/libjvm.so");
            if (id.size() != 3 || !id.get(0).equals(home.toString()) || !Files.isRegularFile(jvm)
                    || !id.get(1).equals(Long.toString(Files.size(jvm)))
                    || !id.get(2).equals(Long.toString(Files.getLastModifiedTime(jvm).to(TimeUnit.SECONDS)))) {
                return List.of();
            }
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException | RuntimeException e) {
            return List.of(); // only an optimisation
        }
    }
}

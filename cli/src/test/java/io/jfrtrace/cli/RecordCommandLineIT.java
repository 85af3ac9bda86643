package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record}'s command line as a Python user types it. {@code record -s KEY}, {@code python -m cProfile -s KEY}:
 * the profile is printed when the program ends, after its output, as cProfile prints it (no file line, directories
 * stripped; the text itself is CProfilePrintGoldenTest's), and the recording is written and the program's status kept
 * as without {@code -s}. {@code record app.jar} runs the jar, {@code record Main} the class in the working directory.
 */
class RecordCommandLineIT {
    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compileSamples() throws Exception {
        classes = SamplePrograms.compile(Files.createDirectories(work.resolve("classes")));
    }

    @Test
    void theProfileFollowsTheProgramsOutputAsStatsPrintsItWithoutItsFileLine() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-q", "-s", "cumulative", "-o", "fact.jfr", "-cp",
                classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "--strip-dirs", "-s", "cumulative", "fact.jfr");
        assertEquals(0, st.exitCode(), st::toString);
        // stats names its file first (a line and an empty line); cProfile's profile object names none
        String table = st.stdout().substring(st.stdout().indexOf("\n\n") + 2);
        assertTrue(table.startsWith("         437 function calls (31 primitive calls) in "), st::toString);
        assertEquals("sum of fact(0..29) = 2758471970835003930\n" + table, rec.stdout());
        assertTrue(table.contains(" Factorial.java:6(Factorial.fact)\n"), table);
    }

    /**
     * On the JDK that built the jar, the program's JVM maps in the JDK's and JFR's classes from the archive the build
     * made beside the jar (record/ChildArchive): they load from it, not from {@code jrt:/}.
     */
    @Test
    void theProgramOnTheBuildJdkLoadsJfrFromTheArchiveBesideTheJar() throws Exception {
        Path log = work.resolve("class-load.log");
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-q", "-o", "archive.jfr", "--", "-Xlog:class+load:file=" + log,
                "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        String loads = Files.readString(log);
        assertTrue(loads.contains(" jdk.jfr.Recording source: shared objects file"), () -> loads.lines()
                .filter(l -> l.contains("jdk.jfr.Recording ")).findFirst().orElse("jdk.jfr.Recording not loaded"));
    }

    @Test
    void theProgramsStatusIsKeptAndItsProfilePrinted() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-q", "-s", "calls", "-s", "name", "-o", "exit.jfr", "-cp",
                classes.toString(), "com.example.ExitEarly");
        assertEquals(3, rec.exitCode(), rec::toString);
        assertTrue(rec.stdout().contains("   Ordered by: call count, function name\n"), rec::toString);
        assertTrue(rec.stdout().contains(" ExitEarly.java:6(ExitEarly.square)\n"), rec::toString);
        assertTrue(Files.exists(work.resolve("exit.jfr")));
    }

    @Test
    void anUnknownKeyIsAUsageErrorBeforeTheProgramRuns() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-s", "bogus", "-o", "never.jfr", "-cp", classes.toString(),
                "com.example.Factorial");
        assertEquals(2, rec.exitCode(), rec::toString);
        assertEquals("", rec.stdout());
        assertEquals(1, rec.stderr().lines().count(), rec::toString);
        assertFalse(Files.exists(work.resolve("never.jfr")));
    }

    @Test
    void sortingWithoutACallProfileIsAUsageError() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-s", "time", "--no-profile", "-o", "never.jfr", "-cp",
                classes.toString(), "com.example.Factorial");
        assertEquals(2, rec.exitCode(), rec::toString);
        assertEquals("jfr-trace record: -s prints the call profile, which --no-profile turns off "
                + "(see 'jfr-trace help record')\n", rec.stderr());
    }

    @Test
    void aJarWhereTheMainClassStandsRunsAsMinusJar() throws Exception {
        Path jar = work.resolve("fact.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "com.example.Factorial");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(classes.resolve("com/example"), 1)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("Factorial")).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString()));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-q", "fact.jar");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertEquals("sum of fact(0..29) = 2758471970835003930\n", rec.stdout());
        assertTrue(Files.exists(work.resolve("fact.jfr")), "the default name is the jar's");
        JfrTraceRun st = JfrTraceRun.run(work, "stats", "fact.jfr");
        assertTrue(st.stdout().contains("(Factorial.fact)"), st::toString);
    }

    @Test
    void aMainClassAloneRunsFromTheWorkingDirectory() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(classes, "record", "-q", "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertEquals("sum of fact(0..29) = 2758471970835003930\n", rec.stdout());
        assertTrue(Files.exists(classes.resolve("Factorial.jfr")));
    }
}

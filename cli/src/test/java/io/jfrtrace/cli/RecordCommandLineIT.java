package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a Python user names the program: {@code record app.jar} runs the jar, {@code record Main} the class here. */
class RecordCommandLineIT {
    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compileSamples() throws Exception {
        classes = SamplePrograms.compile(Files.createDirectories(work.resolve("classes")));
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

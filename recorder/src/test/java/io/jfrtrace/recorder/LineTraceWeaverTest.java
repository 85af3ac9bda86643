package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The names and texts --trace prints: trace's _modname, and the sources it may read (only under the folders given). */
class LineTraceWeaverTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Demo.java,Demo", "Demo.kt,Demo", "Demo,Demo", ".java,.java", "..a.b,..a", "a.b.java,a.b"})
    void theModuleIsTheFileNameWithoutItsExtensionAsOsPathSplitextHasIt(String base, String module) {
        assertEquals(module, LineTraceWeaver.modname(base));
    }

    @Test
    void theBaseNameIsTheSourceFilesName() {
        assertEquals("Demo.java", LineTraceWeaver.basename("com/example/Demo.java"));
        assertEquals("Demo.java", LineTraceWeaver.basename("Demo.java"));
    }

    @Test
    void sourcesAreReadAsLinecacheReadsThemAndOnlyUnderTheFoldersGiven() throws IOException {
        Path root = Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(root.resolve("com/example"));
        Files.write(root.resolve("com/example/Demo.java"), "\uFEFFa\r\nb\rc".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(root.resolve("com/example/Bad.java"), new byte[] {'x', (byte) 0xff, '\n'});
        Files.writeString(dir.resolve("Outside.java"), "secret\n");
        SourceFiles sources = new SourceFiles(List.of(dir.resolve("none").toString(), root.toString()));
        assertEquals(List.of("a\n", "b\n", "c\n"), sources.lines("com/example/Demo.java"));
        assertEquals(List.of(), sources.lines("com/example/Bad.java"), "not UTF-8: no lines, as linecache");
        assertEquals(List.of(), sources.lines("../Outside.java"));
        assertEquals(List.of(), sources.lines(dir.resolve("Outside.java").toString()));
        assertEquals(List.of(), sources.lines("com/example/Missing.java"));
        assertEquals(List.of(), new SourceFiles(List.of()).lines("com/example/Demo.java"), "no folder given: nothing read");
    }

    /** Traced by the test below. */
    public static final class Sample {
        public static int run(int n) {
            int t = 0;
            for (int i = 0; i < n; i++) {
                t += i;
            }
            return t;
        }
    }

    @Test
    void aWovenClassPrintsItsCallAndLinesToTheSystemOutOfTheMomentAlsoLinesTooLongForAConstant() throws Exception {
        // A source whose every line is longer than a class-file constant can hold: each goes through LineTracer.text.
        Path root = Files.createDirectories(dir.resolve("src/io/jfrtrace/recorder"));
        StringBuilder fake = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            fake.append("x".repeat(70_000)).append(i).append('\n');
        }
        Files.writeString(root.resolve("LineTraceWeaverTest.java"), fake);
        byte[] plain;
        try (var in = Sample.class.getResourceAsStream("LineTraceWeaverTest$Sample.class")) {
            plain = in.readAllBytes();
        }
        ClassInstrumenter trace = new ClassInstrumenter(false, name -> true, new BuiltinRegistry(), false, 0, false,
                new SourceFiles(List.of(dir.resolve("src").toString())));
        byte[] woven = trace.instrument(plain, getClass().getClassLoader());
        Class<?> c = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass(Sample.class.getName(), woven, 0, woven.length);
            }
        }.define();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertEquals(3, c.getMethod("run", int.class).invoke(null, 3));
        } finally {
            System.setOut(out);
        }
        List<String> lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertEquals(" --- modulename: LineTraceWeaverTest, funcname: run", lines.get(0));
        // t = 0, the loop header 4 times, its body 3 times, the return
        assertEquals(9, lines.size() - 1, () -> String.join("\n", lines).replaceAll("x{70000}", "x..."));
        for (String l : lines.subList(1, lines.size())) {
            String n = l.substring("LineTraceWeaverTest.java(".length(), l.indexOf(')'));
            assertEquals("LineTraceWeaverTest.java(" + n + "): " + "x".repeat(70_000) + n, l);
        }
    }

    @Test
    void aTextTooLongForAClassFileConstantIsCountedInModifiedUtf8() {
        assertEquals(1 + 1 + 2 + 1 + 2 + 3 + 2, LineTraceWeaver.modifiedUtf8Length("ab\u0000c\u00e9\u20ac\u0100"));
    }
}

package io.jfrtrace.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Runs real child JVMs with the packaged agent jar and reads the .jfr they leave. */
class AgentIT {
    static final Path AGENT = Path.of(System.getProperty("jfrtrace.agentJar", "target/jfr-trace-agent.jar"))
            .toAbsolutePath();
    static final Path CLASSES = Path.of(System.getProperty("jfrtrace.testClasses", "target/test-classes"))
            .toAbsolutePath();
    static final String JAVA17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String JAVA25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";

    @TempDir
    Path tmp;

    record Run(int exitCode, String stdout, String stderr) {
    }

    /** Summed stats per function name and per "caller -> callee". */
    static final class Stats {
        final Map<String, long[]> functions = new HashMap<>();
        final Map<String, long[]> edges = new HashMap<>();
        final Map<String, String> keys = new HashMap<>();
        int infos;

        long nc(String fn) {
            long[] v = functions.get(fn);
            return v == null ? 0 : v[0];
        }

        long cc(String fn) {
            long[] v = functions.get(fn);
            return v == null ? 0 : v[0] - v[1];
        }

        long enc(String caller, String callee) {
            long[] v = edges.get(caller + " -> " + callee);
            return v == null ? 0 : v[0];
        }

        long ecc(String caller, String callee) {
            long[] v = edges.get(caller + " -> " + callee);
            return v == null ? 0 : v[0] - v[1];
        }
    }

    static Stats read(Path jfr) throws IOException {
        Stats s = new Stats();
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String type = e.getEventType().getName();
            if (type.equals("jfrtrace.RecordingInfo")) {
                s.infos++;
                assertEquals(2, e.getInt("schemaVersion"));
            } else if (type.equals("jfrtrace.FunctionStats")) {
                String fn = e.getString("function");
                s.keys.put(fn, e.getString("file") + ":" + e.getInt("line"));
                add(s.functions, fn, e);
            } else if (type.equals("jfrtrace.CallerStats")) {
                add(s.edges, e.getString("callerFunction") + " -> " + e.getString("function"), e);
            }
        }
        return s;
    }

    private static void add(Map<String, long[]> m, String k, RecordedEvent e) {
        long[] v = m.computeIfAbsent(k, x -> new long[4]);
        v[0] += e.getLong("callCount");
        v[1] += e.getLong("recursiveCallCount");
        v[2] += e.getDuration("inlineTime").toNanos();
        v[3] += e.getDuration("totalTime").toNanos();
    }

    static Run run(String java, String agentOptions, String main, String... args) throws Exception {
        return run(java, List.of(), agentOptions, main, args);
    }

    static Run run(String java, List<String> jvmOptions, String agentOptions, String main, String... args)
            throws Exception {
        return run(java, Map.of(), jvmOptions, agentOptions, main, args);
    }

    static Run run(String java, Map<String, String> env, List<String> jvmOptions, String agentOptions, String main,
            String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("-javaagent:" + AGENT + (agentOptions == null ? "" : "=" + agentOptions));
        cmd.add("-cp");
        cmd.add(CLASSES.toString());
        cmd.add(main);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private void checkFactApp(Stats s) {
        assertEquals(436, s.nc("FactApp.fact"));
        assertEquals(30, s.cc("FactApp.fact"));
        assertEquals(406, s.enc("FactApp.fact", "FactApp.fact"));
        assertEquals(28, s.ecc("FactApp.fact", "FactApp.fact"));
        assertEquals(30, s.enc("FactApp.main", "FactApp.fact"));
        assertEquals("testapp/FactApp.java:10", s.keys.get("FactApp.fact"));
        assertEquals(5, s.nc("FactApp$Counter.inc"));              // synchronized method
        assertEquals(4, s.nc("FactApp.thrower"));                  // 2 by exception, 2 normal
        assertEquals(2, s.nc("FactApp$Sub.<init>"));               // one whose super() threw
        assertEquals(2, s.nc("FactApp$Base.<init>"));
        assertEquals(2, s.enc("FactApp$Sub.<init>", "FactApp$Base.<init>"));
        assertEquals(1, s.enc("FactApp.main", "FactApp.leaf"));    // not attributed to a stale frame
        assertEquals(1, s.nc("FactApp.lambda$main$0"));
        assertEquals(1, s.nc("FactApp$Counter.<init>"));
        assertTrue(s.infos >= 1);
    }

    private Path out(String name) {
        return tmp.resolve(name + ".jfr");
    }

    /**
     * Without jfr-trace record (plain -javaagent, or attach) the agent puts its runtime on the
     * bootstrap path itself: one cached jar per content in the user's private cache folder, not a
     * temp file per run that a halted JVM leaves behind, and nothing in the shared temp folder.
     */
    @Test
    void aPlainJavaagentReusesOneCachedRuntimeJarAndLeavesNoTempFiles() throws Exception {
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir"));
        Path xdg = tmp.resolve("xdg");
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmpdir);
        for (String mode : List.of("normal", "halt", "normal")) {
            Run r = run(JAVA17, Map.of("XDG_CACHE_HOME", xdg.toString()), jvm,
                    "output=" + out("cached-" + mode) + ",quiet=true", "testapp.FactApp", mode);
            assertEquals(mode.equals("halt") ? 4 : 0, r.exitCode(), r.stderr());
        }
        checkFactApp(read(out("cached-normal")));
        assertEquals(List.of("jfr-trace/jfr-trace-runtime-"), runtimeFiles(xdg).stream()
                .map(f -> f.replaceFirst("[0-9a-f]{16}\\.jar$", "")).toList(), () -> runtimeFiles(xdg).toString());
        assertEquals(List.of(), runtimeFiles(tmpdir));
    }

    private static List<String> runtimeFiles(Path dir) {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString())
                    .filter(n -> n.contains("runtime")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A cache folder others may write to could hold planted code: the agent says so in one line and the program runs on. */
    @Test
    void aPlainJavaagentRefusesACacheFolderOthersMayWriteTo() throws Exception {
        Path cache = Files.createDirectories(tmp.resolve("xdg/jfr-trace"));
        Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Run r = run(JAVA17, Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString()), List.of(),
                "output=" + out("refused") + ",quiet=true", "testapp.FactApp", "normal");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("sum="), r.stdout());
        assertEquals("jfr-trace agent: cannot install the runtime on the bootstrap class path: unsafe cache folder " + cache
                + ": it is writable by others (mode 777); remove it, or set XDG_CACHE_HOME to a folder of your own\n", r.stderr());
        assertFalse(Files.exists(out("refused")));
        try (var files = Files.list(cache)) {
            assertEquals(0, files.count());
        }
    }

    /**
     * Our event types are declared before the program runs, not at their first commit, so that
     * every chunk's metadata (an emergency dump's too) declares them: JMC's parser rejects a chunk
     * holding an event of an undeclared type.
     */
    @Test
    void everyJfrTraceEventTypeIsRegisteredBeforeTheProgramStarts() throws Exception {
        Run r = run(JAVA17, "output=" + out("types") + ",alloc=1,quiet=true", "testapp.EventTypesApp");
        assertEquals(0, r.exitCode(), r.stderr());
        java.util.Set<String> types = new java.util.TreeSet<>(List.of(r.stdout().trim().split(" ")));
        for (String t : List.of("jfrtrace.FunctionStats", "jfrtrace.CallerStats", "jfrtrace.AllocationSnapshot",
                "jfrtrace.AllocationTrace", "jfrtrace.ThreadDump", "jfrtrace.ThreadStack")) {
            assertTrue(types.contains(t), t + " not among " + types);
        }
    }

    @Test
    void normalExitRecordsExactFactorialCounts() throws Exception {
        Path f = out("normal");
        Run r = run(JAVA17, "output=" + f + ",quiet=true", "testapp.FactApp", "normal");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("sum=") && r.stdout().contains("caught=3"), r.stdout());
        Stats s = read(f);
        checkFactApp(s);
        assertEquals(1, s.nc("FactApp.main"));
        assertEquals(0, s.nc("<method 'add' of 'java.util.List' objects>")); // builtins off by default
        assertFalse(r.stderr().contains("jfr-trace agent"), r.stderr());
    }

    @Test
    void builtinsAreRecordedWithCProfileLabels() throws Exception {
        Path f = out("builtins");
        Run r = run(JAVA17, "output=" + f + ",builtins=true,quiet=true", "testapp.FactApp", "normal");
        assertEquals(0, r.exitCode(), r.stderr());
        Stats s = read(f);
        checkFactApp(s);
        assertEquals(1, s.nc("<method 'add' of 'java.util.List' objects>"));
        assertEquals(1, s.nc("<built-in method java.lang.Math.max>"));
        assertEquals("~:0", s.keys.get("<built-in method java.lang.Math.max>"));
        assertEquals(1, s.enc("FactApp.main", "<built-in method java.lang.Math.max>"));
    }

    @Test
    void systemExitStillProducesTheEvents() throws Exception {
        Path f = out("exit");
        Run r = run(JAVA17, "output=" + f + ",quiet=true", "testapp.FactApp", "exit");
        assertEquals(3, r.exitCode(), r.stderr());
        Stats s = read(f);
        checkFactApp(s);
        assertEquals(1, s.nc("FactApp.main")); // still running at System.exit: closed as cProfile's disable() closes it
    }

    @Test
    void uncaughtExceptionStillProducesTheEvents() throws Exception {
        Path f = out("throw");
        Run r = run(JAVA17, "output=" + f + ",quiet=true", "testapp.FactApp", "throw");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("uncaught on purpose"), r.stderr());
        Stats s = read(f);
        checkFactApp(s);
        assertEquals(1, s.nc("FactApp.main")); // left by an exception = a return
    }

    @Test
    void sigtermStillProducesTheEvents() throws Exception {
        Path f = out("sigterm");
        Process p = new ProcessBuilder(JAVA17, "-javaagent:" + AGENT + "=output=" + f + ",quiet=true",
                "-cp", CLASSES.toString(), "testapp.SleepApp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = in.readLine();
        assertNotNull(line);
        assertTrue(line.startsWith("ready"), line);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, p.exitValue());
        Stats s = read(f);
        assertEquals(10, s.nc("SleepApp.work"));
        assertEquals(10, s.enc("SleepApp.main", "SleepApp.work"));
    }

    @Test
    void worksOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(JAVA25)), "no JDK 25 at " + JAVA25);
        Path f = out("jdk25");
        Run r = run(JAVA25, "output=" + f + ",builtins=true,quiet=true", "testapp.FactApp", "throw");
        assertEquals(1, r.exitCode(), r.stderr());
        Stats s = read(f);
        checkFactApp(s);
        assertEquals(1, s.nc("<built-in method java.lang.Math.max>"));
    }

    @Test
    void customLoaderClassIsProfiledAndUninstrumentableClassesDoNotBreakTheProgram() throws Exception {
        Path dir = tmp.resolve("odd");
        writeOddClasses(dir);
        Path f = out("loader");
        Run r = run(JAVA17, "output=" + f, "testapp.LoaderApp", dir.toString());
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("work=15"), r.stdout());
        assertTrue(r.stdout().contains("garbage: ClassFormatError"), r.stdout());
        assertTrue(r.stdout().contains("odd.Jsr=1"), r.stdout());
        assertTrue(r.stdout().contains("odd.Huge=21840"), r.stdout());
        for (String cls : new String[] {"odd.Garbage", "odd.Jsr", "odd.Huge"}) {
            long lines = r.stderr().lines().filter(l -> l.contains("warning") && l.contains(cls)).count();
            assertEquals(1, lines, cls + " warning in:\n" + r.stderr());
        }
        Stats s = read(f);
        assertEquals(5, s.nc("Work.compute"));
        assertEquals("testapp/loaded/Work.java:6", s.keys.get("Work.compute"));
        assertEquals(0, s.nc("Huge.run"));
    }

    @Test
    void attachRetransformsLoadedClasses() throws Exception {
        Path f = out("attach");
        List<String> cmd = List.of(JAVA17, "-Djdk.attach.allowAttachSelf=true", "-cp", CLASSES.toString(),
                "testapp.AttachApp", AGENT.toString(), "output=" + f + ",quiet=true");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String all = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), all);
        assertEquals(4, read(f).nc("AttachApp.work"), all);
    }

    @Test
    void unknownOptionPrintsOneLineAndTheProgramStillRuns() throws Exception {
        Path f = out("unknown");
        Run r2 = run(JAVA17, "output=" + f + ",bogus=1", "testapp.FactApp", "normal");
        assertEquals(0, r2.exitCode());
        assertTrue(r2.stderr().lines().anyMatch(l -> l.equals("jfr-trace agent: unknown option 'bogus'")), r2.stderr());
        assertFalse(Files.exists(f));
    }

    /** odd/Jsr.class (version 1.4, uses JSR/RET) and odd/Huge.class (a 65,522-byte method). */
    static void writeOddClasses(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("odd"));
        ClassWriter cw = new ClassWriter(0);
        cw.visit(Opcodes.V1_4, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "odd/Jsr", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        mv.visitCode();
        Label sub = new Label();
        mv.visitJumpInsn(Opcodes.JSR, sub);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(sub);
        mv.visitVarInsn(Opcodes.ASTORE, 0);
        mv.visitVarInsn(Opcodes.RET, 0);
        mv.visitMaxs(1, 1);
        mv.visitEnd();
        cw.visitEnd();
        Files.write(dir.resolve("odd/Jsr.class"), cw.toByteArray());

        cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "odd/Huge", null, "java/lang/Object", null);
        mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "run", "()I", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitVarInsn(Opcodes.ISTORE, 0);
        for (int i = 0; i < 21840; i++) {
            mv.visitIincInsn(0, 1);
        }
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        Files.write(dir.resolve("odd/Huge.class"), cw.toByteArray());
    }
}

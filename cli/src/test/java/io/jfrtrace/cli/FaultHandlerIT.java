package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;


import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;

/** faulthandler on the recorder side: record's options, real child JVMs, the events they leave. */
class FaultHandlerIT {
    static final Path JAVA25 = Jdks.JAVA25;

    static Path classes;

    @TempDir
    Path work;

    @BeforeAll
    static void compile() throws Exception {
        classes = SamplePrograms.compiled();
    }

    record Dump(RecordedEvent dump, List<RecordedEvent> stacks) {
        RecordedEvent thread(String name) {
            return stacks.stream().filter(s -> s.getString("threadName").equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no thread " + name + " in dump " + dump));
        }

        RecordedEvent current() {
            return stacks.stream().filter(s -> s.getBoolean("current")).findFirst()
                    .orElseThrow(() -> new AssertionError("no current thread in dump " + dump));
        }
    }

    static List<Dump> dumps(Path jfr) throws IOException {
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        List<Dump> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("jfrtrace.ThreadDump")) {
                long id = e.getLong("dumpId");
                List<RecordedEvent> stacks = events.stream()
                        .filter(s -> s.getEventType().getName().equals("jfrtrace.ThreadStack") && s.getLong("dumpId") == id)
                        .collect(Collectors.toList());
                assertEquals(e.getInt("threadCount"), stacks.size(), "threadCount of dump " + id);
                out.add(new Dump(e, stacks));
            }
        }
        out.sort((a, b) -> Long.compare(a.dump.getLong("dumpId"), b.dump.getLong("dumpId")));
        return out;
    }

    static String[] frames(RecordedEvent stack) {
        return stack.getString("frames").split("\n");
    }

    static Path java() {
        return JfrTraceRun.javaOf(System.getProperty("java.home"));
    }

    JfrTraceRun record(Path java, String... args) throws Exception {
        return JfrTraceRun.run(work, java, List.of(args));
    }

    void deadlockWatchdogExit(Path java) throws Exception {
        JfrTraceRun rec = record(java, "record", "-o", "dl.jfr", "--watchdog", "2s", "--watchdog-exit",
                "--dump-file", "dl.txt", "-cp", classes.toString(), "com.example.Deadlock");
        assertEquals(1, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("jfr-trace: wrote "), () -> "recording not complete:\n" + rec);
        List<Dump> dumps = dumps(work.resolve("dl.jfr"));
        assertEquals(1, dumps.size(), rec::toString);
        Dump d = dumps.get(0);
        assertEquals("timeout", d.dump.getString("reason"));
        assertEquals("", d.dump.getString("detail"));
        assertEquals(2_000_000L, d.dump.getLong("timeoutMicros"));
        assertEquals(-1L, d.dump.getLong("currentThreadId"));
        // Lines as the Deadlock sample's class comment documents them.
        for (String[] nameAndCaller : List.of(new String[] {"left", "35\tDeadlock.lambda$main$0"},
                new String[] {"right", "36\tDeadlock.lambda$main$1"})) {
            RecordedEvent t = d.thread(nameAndCaller[0]);
            assertEquals("BLOCKED", t.getString("threadState"));
            assertFalse(t.getBoolean("current"));
            String[] f = frames(t);
            assertEquals("com/example/Deadlock.java\t28\tDeadlock.lockBoth", f[0]);
            assertEquals("com/example/Deadlock.java\t" + nameAndCaller[1], f[1]);
            assertEquals(f.length, t.getInt("totalFrames"));
        }
        String text = Files.readString(work.resolve("dl.txt"), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("Timeout (0:00:02)!\nThread 0x"), text);
        assertTrue(text.contains("\"left\" (most recent call first):\n  File \"com/example/Deadlock.java\", line 28 in Deadlock.lockBoth\n"), text);
    }

    @Test
    void watchdogExitDumpsTheDeadlockOnceAndExitsWithStatusOne() throws Exception {
        deadlockWatchdogExit(java());
    }

    @Test
    void watchdogExitWorksOnJdk25() throws Exception {
        assumeTrue(Files.isExecutable(JAVA25), "no Temurin 25 here");
        deadlockWatchdogExit(JAVA25);
    }

    @Test
    void watchdogRepeatDumpsEveryPeriod() throws Exception {
        JfrTraceRun rec = record(java(), "record", "-o", "rep.jfr", "--watchdog", "2s", "--watchdog-repeat",
                "-cp", classes.toString(), "com.example.fault.Waits", "6500"); // ends after 3.25 periods (counted from the agent start, before main)
        assertEquals(0, rec.exitCode(), rec::toString);
        List<Dump> dumps = dumps(work.resolve("rep.jfr"));
        assertEquals(3, dumps.size(), rec::toString);
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, dumps.get(i).dump.getLong("dumpId"));
            assertEquals("timeout", dumps.get(i).dump.getString("reason"));
            String[] f = frames(dumps.get(i).thread("main"));
            assertTrue(List.of(f).contains("com/example/fault/Waits.java\t6\tWaits.waitHere"), String.join("\n", f));
        }
    }

    @Test
    void sigusr1TwiceGivesTwoSignalDumpsOnTheHandlingThread() throws Exception {
        Process p = JfrTraceRun.start(work, java(), List.of("record", "-o", "sig.jfr", "-cp", classes.toString(),
                "com.example.fault.Waits", "6000"));
        ExitPathsIT.waitForOutput(work.resolve(".stdout"), "ready");
        ProcessHandle jvm = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .orElseThrow(() -> new AssertionError("no child JVM"));
        for (int i = 0; i < 2; i++) {
            Thread.sleep(1000);
            assertEquals(0, new ProcessBuilder("kill", "-USR1", Long.toString(jvm.pid())).start().waitFor());
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        JfrTraceRun rec = JfrTraceRun.collect(p, work);
        assertEquals(0, rec.exitCode(), rec::toString);
        List<Dump> dumps = dumps(work.resolve("sig.jfr"));
        assertEquals(2, dumps.size(), rec::toString);
        for (Dump d : dumps) {
            assertEquals("signal", d.dump.getString("reason"));
            assertEquals("USR1", d.dump.getString("detail"));
            RecordedEvent cur = d.current();
            assertEquals(d.dump.getLong("currentThreadId"), cur.getLong("threadId"));
            assertTrue(cur.getString("threadName").contains("SIGUSR1"), cur::toString);
            assertTrue(List.of(frames(d.thread("main"))).contains("com/example/fault/Waits.java\t6\tWaits.waitHere"), d.thread("main")::toString);
        }
    }

    @Test
    void anUncaughtExceptionInAWorkerIsDumpedAtItsThrowPoint() throws Exception {
        JfrTraceRun rec = record(java(), "record", "-o", "w.jfr", "-cp", classes.toString(), "com.example.fault.WorkerDies");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("Exception in thread \"worker\" java.lang.IllegalStateException: boom"), rec::toString);
        List<Dump> dumps = dumps(work.resolve("w.jfr"));
        assertEquals(1, dumps.size());
        Dump d = dumps.get(0);
        assertEquals("fatal", d.dump.getString("reason"));
        assertEquals("java.lang.IllegalStateException: boom", d.dump.getString("detail"));
        RecordedEvent cur = d.current();
        assertEquals("worker", cur.getString("threadName"));
        assertEquals("com/example/fault/WorkerDies.java\t6\tWorkerDies.fail", frames(cur)[0]);
        assertEquals("WAITING", d.thread("main").getString("threadState"));
    }

    @Test
    void outOfMemoryIsDumpedWhereTheHeapRanOut() throws Exception {
        JfrTraceRun rec = record(java(), "record", "-o", "oom.jfr", "-Xmx64m", "-cp", classes.toString(), "com.example.fault.Oom");
        assertEquals(1, rec.exitCode(), rec::toString);
        List<Dump> dumps = dumps(work.resolve("oom.jfr"));
        assertEquals(1, dumps.size(), rec::toString);
        assertEquals("java.lang.OutOfMemoryError: Java heap space", dumps.get(0).dump.getString("detail"));
        // as dumps prints it: an error without a backtrace is recorded without frames (docs/events.md)
        assertEquals(List.of("  File \"com/example/fault/Oom.java\", line 15 in Oom.grow",
                "  File \"com/example/fault/Oom.java\", line 20 in Oom.main"), printedProgramFrames(java(), "oom.jfr"));
    }

    /**
     * The current thread's frames of the file's only dump as {@code jfr-trace dumps} prints them, without the
     * JDK frames the failing allocation went through (ArrayList growth).
     */
    List<String> printedProgramFrames(Path java, String file) throws Exception {
        JfrTraceRun text = JfrTraceRun.run(work, java, List.of("dumps", file));
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().startsWith("Fatal JVM error: java.lang.OutOfMemoryError: Java heap space\n\n"), text::toString);
        int at = text.stdout().indexOf("Current thread 0x");
        assertTrue(at >= 0, text::toString);
        return text.stdout().substring(at).lines().skip(1).takeWhile(l -> l.startsWith("  "))
                .filter(l -> !l.startsWith("  File \"java/")).toList();
    }

    /**
     * What the JVM may load on an OutOfMemoryError's way through the JDK (the catch type of its memory notifications,
     * Throwable's print-stream wrappers) is loaded before {@code main}: a class loaded while the heap is full makes the
     * JPLIS agent's load hook fail (the test below saw it now and then until they were).
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(strings = {"current", "25"})
    void classesAnOutOfMemoryErrorLoadsAreLoadedBeforeMain(String jdk) throws Exception {
        Path java = jdk.equals("25") ? JAVA25 : java();
        assumeTrue(Files.isExecutable(java), "no java at " + java);
        Path log = work.resolve("preloaded-" + jdk + ".log");
        JfrTraceRun rec = record(java, "record", "-q", "-o", "preloaded.jfr", "--", "-Xlog:class+load:file=" + log, "-cp",
                classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        List<String> loads = Files.readAllLines(log);
        int main = indexOf(loads, " com.example.Factorial source: ");
        assertTrue(main >= 0, "the program's class not loaded");
        for (String c : List.of("javax.management.openmbean.OpenDataException", "java.lang.Throwable$WrappedPrintStream")) {
            int at = indexOf(loads, " " + c + " source: ");
            assertTrue(at >= 0 && at < main, c + " loaded at line " + at + ", the program's main class at " + main);
        }
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The list stays reachable, so the heap is still full when the error reaches the uncaught-exception
     * handler and when JFR writes the recording at exit. The agent once allocated before releasing its
     * reserve (the JVM then reported "OutOfMemoryError thrown from the UncaughtExceptionHandler", the
     * JPLIS agent's class-load hook failed with "ASSERTION FAILED" and the recording was empty). With
     * "spent" the program first recovers from a few errors, so the last one has no backtrace (HotSpot
     * preallocates only a few with one; JFR's periodic task and the JDK's Notification Thread can take
     * them too): the dump still names grow(), from the JVM's jdk.AllocationRequiringGC events, where the
     * low-memory snapshot of the earlier episode named spend().
     */
    @ParameterizedTest(name = "JDK {0} {1}")
    @CsvSource({"current,''", "25,''", "current,spent", "25,spent"})
    void outOfMemoryWithTheHeapStillFullIsDumpedAndRecorded(String jdk, String mode) throws Exception {
        Path java = jdk.equals("25") ? JAVA25 : java();
        assumeTrue(Files.isExecutable(java), "no java at " + java);
        List<String> args = new ArrayList<>(List.of("record", "-o", "full.jfr", "-Xmx64m", "-cp", classes.toString(),
                "com.example.fault.GrowingList"));
        if (!mode.isEmpty()) {
            args.add(mode);
        }
        JfrTraceRun rec = record(java, args.toArray(String[]::new));
        assertEquals(1, rec.exitCode(), rec::toString);
        List<String> jplis = rec.stderr().lines()
                .filter(l -> l.contains("JPLISAgent") || l.contains("ASSERTION FAILED")).toList();
        assertEquals(List.of(), jplis, rec::toString);
        assertTrue(rec.stderr().contains("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space\n"),
                rec::toString);
        assertTrue(rec.stderr().contains("jfr-trace: wrote "), () -> "recording not complete:\n" + rec);
        List<Dump> dumps = dumps(work.resolve("full.jfr"));
        assertEquals(1, dumps.size(), rec::toString);
        assertEquals("java.lang.OutOfMemoryError: Java heap space", dumps.get(0).dump.getString("detail"));
        assertEquals("main", dumps.get(0).current().getString("threadName"));
        assertEquals(List.of("  File \"com/example/fault/GrowingList.java\", line 17 in GrowingList.grow",
                "  File \"com/example/fault/GrowingList.java\", line 38 in GrowingList.main"),
                printedProgramFrames(java, "full.jfr"));
    }

    @Test
    void stackOverflowKeepsTheDeepFrames() throws Exception {
        JfrTraceRun rec = record(java(), "record", "-o", "so.jfr", "--dump-file", "so.txt", "-cp", classes.toString(),
                "com.example.fault.Overflow");
        assertEquals(1, rec.exitCode(), rec::toString);
        Dump d = dumps(work.resolve("so.jfr")).get(0);
        assertEquals("java.lang.StackOverflowError", d.dump.getString("detail"));
        RecordedEvent cur = d.current();
        String[] f = frames(cur);
        assertEquals("com/example/fault/Overflow.java\t6\tOverflow.deep", f[0]);
        assertTrue(f.length > 500 && cur.getInt("totalFrames") == f.length, () -> f.length + " frames");
        List<String> text = Files.readAllLines(work.resolve("so.txt"), StandardCharsets.US_ASCII);
        assertEquals("Fatal JVM error: java.lang.StackOverflowError", text.get(0));
        assertEquals("", text.get(1));
        int cur0 = text.indexOf(text.stream().filter(l -> l.startsWith("Current thread 0x0000000000000001 \"main\"")).findFirst().orElseThrow());
        assertEquals("  File \"com/example/fault/Overflow.java\", line 6 in Overflow.deep", text.get(cur0 + 1));
        assertEquals("  ...", text.get(cur0 + 101), "100 frames, then ...");
    }

    /** With the native agent (when this build has it) and without (JFRTRACE_NATIVE=off: emergency dump + hs_err only). */
    static final List<Map<String, String>> NATIVE_ON_OFF = List.of(Map.of(), Map.of("JFRTRACE_NATIVE", "off"));

    /**
     * A JVM that aborts while loading the user's own broken agent, before our recording starts: the
     * file then holds only the crash's dump, and jfr-trace says so in one line (it used to print
     * "was not written" and then "added the dump to" the same file).
     */
    @Test
    void aJvmAbortingBeforeItRecordsGetsOneLineSayingTheFileHoldsOnlyTheCrashDump() throws Exception {
        Path broken = work.resolve("broken-agent.jar");
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Premain-Class", "com.example.NoSuchAgent");
        new java.util.jar.JarOutputStream(Files.newOutputStream(broken), m).close();
        Path out = work.resolve("aborted.jfr");
        JfrTraceRun rec = record(JfrTraceRun.javaOf(System.getProperty("java.home")), Map.of(), "record", "-o",
                out.toString(), "-javaagent:" + broken, "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(134, rec.exitCode(), rec::toString);
        List<String> ours = rec.stderr().lines().filter(l -> l.startsWith("jfr-trace:"))
                .filter(l -> !l.startsWith("jfr-trace: started the program's JVM as pid ")).toList(); // the pid line is not about the outcome
        assertEquals(1, ours.size(), rec::toString);
        assertTrue(ours.get(0).startsWith("jfr-trace: the JVM crashed ("), rec::toString);
        assertTrue(ours.get(0).contains("before it recorded anything; wrote only the dump \"Fatal JVM error: "),
                rec::toString);
        List<Dump> dumps = dumps(out);
        assertEquals(1, dumps.size(), rec::toString);
        assertEquals("fatal", dumps.get(0).dump.getString("reason"));
    }

    /**
     * An emergency dump written before the first flush must still declare every event type its
     * jdk.ActiveSetting events name: JMC's parser (and so jfr-trace) rejects the chunk otherwise.
     */
    static void assertEveryActiveSettingNamesADeclaredType(Path jfr) throws IOException {
        try (RecordingFile rf = new RecordingFile(jfr)) {
            java.util.Set<Long> declared = rf.readEventTypes().stream().map(jdk.jfr.EventType::getId)
                    .collect(Collectors.toSet());
            java.util.Set<Long> unknown = new java.util.TreeSet<>();
            while (rf.hasMoreEvents()) {
                RecordedEvent e = rf.readEvent();
                if (e.getEventType().getName().equals("jdk.ActiveSetting") && !declared.contains(e.getLong("id"))) {
                    unknown.add(e.getLong("id"));
                }
            }
            assertEquals(java.util.Set.of(), unknown, "jdk.ActiveSetting ids without a declared type in " + jfr);
        }
    }

    static boolean nativeAgentBuilt() {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(JfrTraceRun.JAR.toFile())) {
            return jar.getEntry("libjfrtrace_fault.so") != null;
        } catch (IOException e) {
            return false;
        }
    }

    JfrTraceRun record(Path java, Map<String, String> env, String... args) throws Exception {
        return JfrTraceRun.run(work, java, env, List.of(args));
    }

    /** The crash's dump, as `jfr-trace dumps --reason fatal` prints it. */
    String assertCrashLeftItsTraces(JfrTraceRun rec, Path out, String frame) throws Exception {
        assertEquals(134, rec.exitCode(), rec::toString); // HotSpot aborts after writing hs_err
        assertTrue(rec.stderr().contains("the JVM crashed (SIGSEGV"), rec::toString);
        assertTrue(rec.stderr().contains("added the dump \"Fatal JVM error: Segmentation fault\""), rec::toString);
        Path hsErr = out.resolveSibling(out.getFileName() + ".hs_err.log");
        assertTrue(Files.isRegularFile(hsErr), rec::toString);
        try (Stream<Path> left = Files.list(work)) { // the emergency dump was merged into out, not left behind
            List<Path> emergency = left.filter(p -> p.getFileName().toString().matches("hs_err_pid\\d+\\.jfr")).toList();
            assertEquals(List.of(), emergency, rec::toString);
        }
        List<Dump> dumps = dumps(out); // readable, events as documented
        assertEveryActiveSettingNamesADeclaredType(out);
        Dump fatal = dumps.get(dumps.size() - 1);
        assertEquals("fatal", fatal.dump.getString("reason"));
        assertEquals("Segmentation fault", fatal.dump.getString("detail"));
        RecordedEvent cur = fatal.current();
        assertEquals("main", cur.getString("threadName"));
        assertEquals(fatal.dump.getLong("currentThreadId"), cur.getLong("threadId"));
        assertTrue(cur.getLong("threadId") > 0, cur::toString);
        JfrTraceRun shown = JfrTraceRun.run(work, "dumps", "--reason", "fatal", out.toString());
        assertEquals(0, shown.exitCode(), shown::toString);
        String text = shown.stdout();
        assertTrue(text.startsWith("Fatal JVM error: Segmentation fault\n\n"), text);
        int current = text.indexOf("Current thread 0x");
        assertTrue(current > 0 && text.indexOf(" in " + frame + "\n", current) > 0, () -> frame + " not in the crashing thread:\n" + text);
        assertFalse(text.contains("io/jfrtrace/runtime/"), text);
        return text;
    }

    @Test
    void anUnsafeCrashIsAFatalSegmentationFaultDumpNamingTheFailingFrame() throws Exception {
        for (Path java : Files.isExecutable(JAVA25) ? List.of(java(), JAVA25) : List.of(java())) {
            for (Map<String, String> env : NATIVE_ON_OFF) {
                JfrTraceRun rec = record(java, env, "record", "-o", "crash.jfr", "-cp", classes.toString(), "com.example.fault.UnsafeCrash");
                String text = assertCrashLeftItsTraces(rec, work.resolve("crash.jfr"), "UnsafeCrash.poke");
                if (env.isEmpty() && nativeAgentBuilt()) {
                    assertTrue(rec.stderr().contains("frames from the native agent"), rec::toString);
                    // AsyncGetCallTrace + the line number table: the line too (hs_err alone gives none)
                    assertTrue(text.contains("  File \"com/example/fault/UnsafeCrash.java\", line 10 in UnsafeCrash.poke\n"), java + "\n" + text);
                }
            }
        }
    }

    @Test
    void aCrashInCompiledCodeNamesTheFailingFrameEvenWhenTheEmergencyDumpHasNoStack() throws Exception {
        // JDK 17's emergency dump has an empty jdk.Shutdown stack here: the frames come from hs_err (or the native agent)
        for (Map<String, String> env : NATIVE_ON_OFF) {
            JfrTraceRun rec = record(java(), env, "record", "-o", "hot.jfr", "-cp", classes.toString(), "com.example.fault.HotUnsafeCrash");
            String text = assertCrashLeftItsTraces(rec, work.resolve("hot.jfr"), "HotUnsafeCrash.poke");
            assertTrue(text.contains(" in HotUnsafeCrash.main\n"), text);
        }
    }

    @Test
    void aJniCrashIsAFatalSegmentationFaultDumpNamingTheNativeFunctionAndTheCaller() throws Exception {
        assumeTrue(new ProcessBuilder("gcc", "--version").start().waitFor() == 0, "no gcc");
        Path c = work.resolve("crash.c");
        Files.writeString(c, "#include <jni.h>\nJNIEXPORT void JNICALL Java_com_example_fault_JniCrash_crash(JNIEnv *e, jclass c) {\n"
                + "  *(volatile int *) 0 = 42;\n}\n");
        Path so = work.resolve("libcrash.so");
        Path inc = Paths.get(System.getProperty("java.home"), "include");
        Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-I" + inc, "-I" + inc.resolve("linux"), "-o", so.toString(), c.toString())
                .inheritIO().start();
        assertEquals(0, gcc.waitFor());
        for (Map<String, String> env : NATIVE_ON_OFF) {
            JfrTraceRun rec = record(java(), env, "record", "-o", "jni.jfr", "-cp", classes.toString(), "com.example.fault.JniCrash", so.toString());
            String text = assertCrashLeftItsTraces(rec, work.resolve("jni.jfr"), "JniCrash.callNative");
            int current = text.indexOf("Current thread 0x");
            assertTrue(text.indexOf("  File \"libcrash.so\", line ??? in Java_com_example_fault_JniCrash_crash\n"
                    + "  File \"com/example/fault/JniCrash.java\", line ??? in JniCrash.crash\n"
                    + "  File \"com/example/fault/JniCrash.java\", line 8 in JniCrash.callNative\n", current) > 0, text);
            if (env.isEmpty() && nativeAgentBuilt()) {
                // a crash in native code lets the watchdog take every thread's stack
                assertTrue(text.contains("\"Reference Handler\" (most recent call first):"), text);
            }
        }
    }

    void stressIsNeverMistakenForACrash(Path java) throws Exception {
        JfrTraceRun rec = record(java, "record", "-o", "stress.jfr", "-cp", classes.toString(), "com.example.fault.Stress", "4000");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("jfr-trace: wrote "), rec::toString);
        assertFalse(rec.stderr().contains("crashed"), rec::toString);
        if (nativeAgentBuilt()) {
            assertTrue(rec.stdout().contains("native agent: yes, libjsig: yes"), rec::toString);
        }
        assertTrue(dumps(work.resolve("stress.jfr")).stream().noneMatch(d -> d.dump.getString("reason").equals("fatal")), rec::toString);
        try (Stream<Path> files = Files.list(work)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("hs_err")), rec::toString);
        }
    }

    @Test
    void nullChecksStackOverflowsGcAndSafepointsUnderTheNativeHandlerAreNoCrash() throws Exception {
        stressIsNeverMistakenForACrash(java());
    }

    @Test
    void theStressRunIsNoCrashOnJdk25Either() throws Exception {
        assumeTrue(Files.isExecutable(JAVA25), "no Temurin 25 here");
        stressIsNeverMistakenForACrash(JAVA25);
    }
}

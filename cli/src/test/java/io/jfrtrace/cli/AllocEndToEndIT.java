package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jfrtrace.cli.exit.ExitCodes;

/** record --alloc on the leaking sample, then alloc / compare as tracemalloc would print them. */
class AllocEndToEndIT {
    @TempDir
    static Path work;
    static Path classes;
    static int leakLine;
    static int garbageLine;

    @BeforeAll
    static void recordTheLeak() throws Exception {
        classes = SamplePrograms.compiled();
        leakLine = SamplePrograms.lineOf("Leak.java", "leak");
        garbageLine = SamplePrograms.lineOf("Leak.java", "garbage");
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "--alloc", "--alloc-exact", "-o", "leak.jfr",
                "-cp", SamplePrograms.classPath(classes), "com.example.Leak");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(rec.stdout().contains("cache holds 350"), rec::toString);
    }

    @Test
    void compareShowsTheLeakingLineFirstWithTheExactCountDifference() throws Exception {
        JfrTraceRun cmp = JfrTraceRun.run(work, "compare", "leak.jfr#before", "leak.jfr#after");
        assertEquals(0, cmp.exitCode(), cmp::toString);
        String first = cmp.lines().get(0);
        assertTrue(first.startsWith("com/example/Leak.java:" + leakLine + ": size="), cmp::toString);
        assertTrue(first.contains(", count=350 (+250), average="), cmp::toString);
        assertFalse(cmp.stdout().contains("Leak.java:" + garbageLine + ":"), cmp::toString);
    }

    @Test
    void theLiveViewHoldsTheCacheButNotTheGarbage() throws Exception {
        JfrTraceRun alloc = JfrTraceRun.run(work, "alloc", "leak.jfr#after", "--include", "*Leak.java");
        assertEquals(0, alloc.exitCode(), alloc::toString);
        assertTrue(alloc.lines().get(0).matches("com/example/Leak.java:" + leakLine + ": size=\\d+(\\.\\d)? KiB, count=350, average=\\d+ B"), alloc::toString);
        assertFalse(alloc.stdout().contains("Leak.java:" + garbageLine + ":"), alloc::toString);
        JfrTraceRun churn = JfrTraceRun.run(work, "alloc", "leak.jfr#after", "--allocated", "--include", "*Leak.java:" + garbageLine);
        assertTrue(churn.lines().get(0).matches("com/example/Leak.java:" + garbageLine + ": size=.*, count=350, average=\\d+ B"), churn::toString);
    }

    @Test
    void sampledLivenessIsExactForALeakAndForGarbage() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "--alloc", "--alloc-sample", "4096", "-o", "leak-sampled.jfr",
                "-cp", SamplePrograms.classPath(classes), "com.example.Leak");
        assertEquals(0, rec.exitCode(), rec::toString);
        // The exit snapshot (after a GC): every sample of the cache line is alive, none of the garbage line.
        JfrTraceRun alloc = JfrTraceRun.run(work, "alloc", "leak-sampled.jfr", "--include", "*Leak.java");
        assertTrue(alloc.lines().get(0).startsWith("com/example/Leak.java:" + leakLine + ": size=347 KiB, count=350, "), alloc::toString);
        assertFalse(alloc.stdout().contains("Leak.java:" + garbageLine + ":"), alloc::toString);
        // The program's own snapshots too: the leak grows by exactly 250, the garbage never shows.
        JfrTraceRun cmp = JfrTraceRun.run(work, "compare", "leak-sampled.jfr#before", "leak-sampled.jfr#after");
        assertTrue(cmp.lines().get(0).startsWith("com/example/Leak.java:" + leakLine + ": size=347 KiB (+248 KiB), count=350 (+250), "), cmp::toString);
        assertFalse(cmp.stdout().contains("Leak.java:" + garbageLine + ":"), cmp::toString);
    }

    /**
     * Sampled liveness (the default) weighs each sampled object as size/p; the peak of those weights may not pass
     * what was allocated: each round of PeakProbe allocates 64 KiB after clearTraces and keeps it.
     */
    @Test
    void aSampledPeakNeverExceedsWhatWasAllocated() throws Exception {
        Path probes = SamplePrograms.compileWithTestPrograms(Files.createDirectories(work.resolve("probe-classes")));
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "--alloc", "--no-profile", "-o", "peak.jfr",
                "-cp", SamplePrograms.classPath(probes), "com.example.alloc.PeakProbe");
        assertEquals(0, rec.exitCode(), rec::toString);
        List<String> rounds = rec.stdout().lines().filter(l -> l.startsWith("round ")).toList();
        assertEquals(20, rounds.size(), rec::toString);
        for (String r : rounds) { // get_traced_memory() in the program
            String[] f = r.split(" ");
            assertTrue(Long.parseLong(f[3]) <= 65536 && Long.parseLong(f[5]) <= 65536, () -> r + "\n" + rec);
        }
        JfrTraceRun list = JfrTraceRun.run(work, "alloc", "peak.jfr", "--list");
        List<String[]> snapshots = list.lines().stream().skip(1).map(l -> l.trim().split(" +"))
                .filter(c -> c[1].equals("round")).toList();
        assertEquals(20, snapshots.size(), list::toString);
        for (String[] c : snapshots) { // id label reason time current(2 words) peak(2 words) traces recorder
            // current: 64 KiB if the array was sampled (then every sample of the line is alive), else 0 B (no sample
            // says anything about the line); the peak, the same array, is no more
            String current = c[4] + " " + c[5];
            assertTrue(current.equals("64.0 KiB") || current.equals("0 B"), () -> "snapshot " + c[0] + ":\n" + list);
            assertEquals(current, c[6] + " " + c[7], () -> "peak of snapshot " + c[0] + ":\n" + list);
        }
    }

    @Test
    void listShowsEverySnapshotWithItsLabel() throws Exception {
        JfrTraceRun list = JfrTraceRun.run(work, "alloc", "leak.jfr", "--list");
        assertEquals(0, list.exitCode(), list::toString);
        List<String> labels = list.lines().stream().skip(1).map(l -> l.trim().split(" +")[1]).toList();
        assertTrue(labels.containsAll(List.of("before", "after", "exit")), list::toString);
    }

    @Test
    void theCsvHasTracemallocsColumns() throws Exception {
        JfrTraceRun csv = JfrTraceRun.run(work, "alloc", "leak.jfr#after", "--csv", "--include", "*Leak.java");
        assertEquals("domain,size,count,total_nframe,frames", csv.lines().get(0), csv::toString);
        assertTrue(csv.lines().stream().anyMatch(l -> l.startsWith("0,") && l.contains(",350,") && l.endsWith("com/example/Leak.java:" + leakLine)), csv::toString);
    }

    @Test
    void anUnknownSnapshotIdIsOneLine() throws Exception {
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "alloc", "leak.jfr#99"), ExitCodes.BAD_INPUT, "no snapshot '99'");
    }

    @Test
    void aSnapshotNameInAFileWithoutSnapshotsIsOneLine() throws Exception {
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-o", "plain.jfr", "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "alloc", "plain.jfr#before"), ExitCodes.NO_DATA, "no snapshot 'before'");
    }

    @Test
    void aPatternWithAnUnterminatedBracketIsOneLine() throws Exception {
        BadInputIT.assertOneLineError(JfrTraceRun.run(work, "alloc", "leak.jfr", "--include", "com/[abc"), ExitCodes.USAGE, "com/[abc");
    }

    @Test
    void aStockRecordingFallsBackToJfrsOwnSamplesAndSaysSo() throws Exception {
        Process p = new ProcessBuilder(JfrTraceRun.javaOf(System.getProperty("java.home")).toString(),
                "-XX:StartFlightRecording=filename=" + work.resolve("stock.jfr") + ",settings=profile",
                "-cp", classes.toString(), "com.example.Streams")
                .redirectErrorStream(true).redirectOutput(work.resolve("stock.log").toFile()).start();
        assertEquals(0, p.waitFor());
        JfrTraceRun alloc = JfrTraceRun.run(work, "alloc", "stock.jfr", "--allocated", "--limit", "3");
        assertEquals(0, alloc.exitCode(), alloc::toString);
        assertTrue(alloc.lines().get(0).startsWith("# stock.jfr has no jfr-trace snapshots: estimates from JFR's jdk.ObjectAllocationSample"), alloc::toString);
        assertEquals(4, alloc.lines().size(), alloc::toString);
    }

    /**
     * With --alloc the JVM's own allocation samplers are off in the named stock settings (they
     * estimate what --alloc counts, at a cost on top of it); without --alloc, or with a .jfc file,
     * they stay as the settings say. Read from the recording's own jdk.ActiveSetting events.
     */
    @Test
    void allocTurnsOffTheJvmsOwnAllocationSamplersUnlessASettingsFileSaysOtherwise() throws Exception {
        List<String> program = List.of("-cp", classes.toString(), "com.example.Factorial");
        Path jfc = Path.of(System.getProperty("java.home"), "lib", "jfr", "default.jfc");
        record("samplers-alloc.jfr", List.of("--alloc"), program);
        record("samplers-plain.jfr", List.of(), program);
        record("samplers-file.jfr", List.of("--alloc", "--jfr-settings", jfc.toString()), program);
        for (String sampler : List.of("jdk.ObjectAllocationSample", "jdk.OldObjectSample")) {
            assertEquals("false", enabled("samplers-alloc.jfr", sampler), sampler);
            assertEquals("true", enabled("samplers-plain.jfr", sampler), sampler);
            assertEquals("true", enabled("samplers-file.jfr", sampler), sampler);
        }
        assertEquals("true", enabled("samplers-alloc.jfr", "jdk.GarbageCollection")); // the rest as configured
    }

    private static void record(String out, List<String> options, List<String> program) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("record", "-o", out));
        args.addAll(options);
        args.addAll(program);
        JfrTraceRun rec = JfrTraceRun.run(work, JfrTraceRun.javaOf(System.getProperty("java.home")), args);
        assertEquals(0, rec.exitCode(), rec::toString);
    }

    /** The last "enabled" value the recording's jdk.ActiveSetting events give the event type. */
    private static String enabled(String file, String eventType) throws Exception {
        try (jdk.jfr.consumer.RecordingFile rf = new jdk.jfr.consumer.RecordingFile(work.resolve(file))) {
            long typeId = rf.readEventTypes().stream().filter(t -> t.getName().equals(eventType))
                    .mapToLong(jdk.jfr.EventType::getId).findFirst().orElseThrow();
            String value = null;
            while (rf.hasMoreEvents()) {
                jdk.jfr.consumer.RecordedEvent e = rf.readEvent();
                if (e.getEventType().getName().equals("jdk.ActiveSetting") && e.getLong("id") == typeId
                        && e.getString("name").equals("enabled")) {
                    value = e.getString("value");
                }
            }
            return value;
        }
    }
}

package io.jfrtrace.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records the sample programs with the real agent in real JVMs and checks what stats prints. */
class CallProfileEndToEndIT {
    @TempDir
    static Path work;
    static Path classes;

    @BeforeAll
    static void compileSamples() throws Exception {
        classes = SamplePrograms.compiled();
    }

    static JfrTraceRun record(String out, String... programAndOptions) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("record", "-o", out));
        args.addAll(List.of(programAndOptions));
        return JfrTraceRun.run(work, JfrTraceRun.javaOf(System.getProperty("java.home")), args);
    }

    static JfrTraceRun stats(String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "stats";
        System.arraycopy(args, 0, all, 1, args.length);
        return JfrTraceRun.run(work, all);
    }

    /** A pstats row for a function, with any times: "   436/30    0.000 ... name". */
    static Pattern row(String ncalls, String name) {
        return Pattern.compile(String.format("%9s", ncalls).replace(" ", " ")
                + "( +-?\\d+\\.\\d{3}| {8}){4} " + Pattern.quote(name));
    }

    static void assertRow(JfrTraceRun run, String ncalls, String name) {
        Pattern p = row(ncalls, name);
        assertTrue(run.lines().stream().anyMatch(l -> p.matcher(l).matches()),
                "expected a row " + ncalls + " for " + name + " in\n" + run);
    }

    @Test
    void factorialShowsRecursiveAndPrimitiveCallsAsCProfileDoes() throws Exception {
        JfrTraceRun rec = record("fact.jfr", "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(rec.stdout().contains("sum of fact(0..29)"), rec::toString);
        assertTrue(rec.stderr().contains("jfr-trace: wrote " + work.resolve("fact.jfr")), rec::toString);

        JfrTraceRun st = stats("fact.jfr", "--sort", "cumulative");
        assertEquals(0, st.exitCode(), st::toString);
        assertRow(st, "436/30", "com/example/Factorial.java:6(Factorial.fact)");
        assertRow(st, "1", "com/example/Factorial.java:13(Factorial.main)");
        assertTrue(st.lines().contains("   Ordered by: cumulative time"), st::toString);
        assertTrue(st.stdout().contains("         437 function calls (31 primitive calls) in "), st::toString);
        // main is the outermost call, so with cumulative order it comes first (it has the largest cumtime).
        int header = st.lines().indexOf("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)");
        assertTrue(st.lines().get(header + 1).endsWith("(Factorial.main)"), st::toString);
    }

    @Test
    void anOutputPathWithASpaceAndAPlusReachesTheAgentAsItIs() throws Exception {
        // record once encoded the space as '+', which the agent reads as itself: it wrote to my+dir/ (or failed)
        Files.createDirectories(work.resolve("my dir"));
        JfrTraceRun rec = record("my dir/a+b.jfr", "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(Files.size(work.resolve("my dir/a+b.jfr")) > 0, rec::toString);
        assertEquals(0, stats("my dir/a+b.jfr").exitCode());
    }

    @Test
    void callersShowThePerEdgeRecursionLikeCProfile() throws Exception {
        record("fact-callers.jfr", "-cp", classes.toString(), "com.example.Factorial");
        JfrTraceRun st = stats("fact-callers.jfr", "--callers", "-r", "fact");
        assertEquals(0, st.exitCode(), st::toString);
        String fact = "com/example/Factorial.java:6(Factorial.fact)";
        String main = "com/example/Factorial.java:13(Factorial.main)";
        List<String> lines = st.lines();
        int i = lines.indexOf(lines.stream().filter(l -> l.startsWith(fact)).findFirst().orElseThrow(() -> new AssertionError(st)));
        assertTrue(Pattern.matches(Pattern.quote(fact) + " +<-  406/28 +\\d+\\.\\d{3} +\\d+\\.\\d{3}  " + Pattern.quote(fact), lines.get(i)), st::toString);
        assertTrue(Pattern.matches(" +30 +\\d+\\.\\d{3} +\\d+\\.\\d{3}  " + Pattern.quote(main), lines.get(i + 1)), st::toString);
    }

    @Test
    void mutualRecursionIsCountedPerFunctionAndPerEdge() throws Exception {
        record("mutual.jfr", "-cp", classes.toString(), "com.example.MutualRecursion");
        JfrTraceRun st = stats("mutual.jfr", "--callees", "-r", "MutualRecursion");
        assertEquals(0, st.exitCode(), st::toString);
        JfrTraceRun plain = stats("mutual.jfr", "-s", "name");
        assertRow(plain, "30/10", "com/example/MutualRecursion.java:6(MutualRecursion.isEven)");
        assertRow(plain, "25/9", "com/example/MutualRecursion.java:10(MutualRecursion.isOdd)");
        assertTrue(st.lines().stream().anyMatch(l -> l.matches(".*\\(MutualRecursion.isEven\\) +-> +25/9 .*\\(MutualRecursion.isOdd\\)")), st::toString);
        assertTrue(st.lines().stream().anyMatch(l -> l.matches(".*\\(MutualRecursion.isOdd\\) +-> +20/8 .*\\(MutualRecursion.isEven\\)")), st::toString);
    }

    @Test
    void framesLeftByAnExceptionCountAsReturns() throws Exception {
        JfrTraceRun rec = record("exc.jfr", "--builtins", "-cp", classes.toString(), "com.example.Exceptions");
        assertEquals(0, rec.exitCode(), rec::toString);
        JfrTraceRun st = stats("exc.jfr");
        assertRow(st, "6", "com/example/Exceptions.java:6(Exceptions.parse)");
        assertRow(st, "6", "com/example/Exceptions.java:10(Exceptions.middle)");
        assertRow(st, "6", "com/example/Exceptions.java:14(Exceptions.outer)");
        assertRow(st, "6", "{built-in method java.lang.Integer.parseInt}");
        JfrTraceRun callers = stats("exc.jfr", "--callers", "-r", "parseInt");
        assertTrue(callers.lines().stream().anyMatch(l -> l.matches("\\{built-in method java.lang.Integer.parseInt\\} +<- +6 .*\\(Exceptions.parse\\)")), callers::toString);
    }

    @Test
    void threadsKeepTheirOwnStacksAndTheProfileSumsThem() throws Exception {
        record("threads.jfr", "-cp", classes.toString(), "com.example.Threads");
        JfrTraceRun st = stats("threads.jfr");
        // fib(15) makes 1973 calls; 4 workers + main = 5 outermost calls.
        assertRow(st, "9865/5", "com/example/Threads.java:9(Threads.fib)");
        assertRow(st, "4", "com/example/Threads.java:13(Threads.work)");
    }

    @Test
    void lambdaBodiesOfAStreamPipelineAreFunctionsOfTheirOwn() throws Exception {
        record("streams.jfr", "--builtins", "-cp", classes.toString(), "com.example.Streams");
        JfrTraceRun st = stats("streams.jfr", "-s", "name");
        assertEquals(0, st.exitCode(), st::toString);
        long kept = java.util.stream.IntStream.range(0, 1000).filter(i -> (i * 37) % 101 > 10).count();
        assertRow(st, "1000", "com/example/Streams.java:13(Streams.order)");
        assertRow(st, "1000", "com/example/Streams.java:19(Streams.lambda$main$0)");
        assertRow(st, Long.toString(kept), "com/example/Streams.java:20(Streams.lambda$main$1)");
        assertRow(st, "1000", "com/example/Streams.java:9(Streams$Order.<init>)");
        assertTrue(st.stdout().contains("{method 'collect' of 'java.util.stream.Stream' objects}"), st::toString);
    }

    @Test
    void aFileOfSeveralChunksIsReadChunkByChunkAndSummed() throws Exception {
        record("fact-once.jfr", "-cp", classes.toString(), "com.example.Factorial");
        byte[] one = Files.readAllBytes(work.resolve("fact-once.jfr"));
        try (var out = Files.newOutputStream(work.resolve("fact-twice.jfr"))) {
            out.write(one);
            out.write(one);
        }
        JfrTraceRun st = stats("fact-twice.jfr");
        assertEquals(0, st.exitCode(), st::toString);
        assertRow(st, "872/60", "com/example/Factorial.java:6(Factorial.fact)");
    }

    @Test
    void severalRecordingsMergeLikePstatsAdd() throws Exception {
        record("merge-a.jfr", "-cp", classes.toString(), "com.example.Factorial");
        record("merge-b.jfr", "-cp", classes.toString(), "com.example.Factorial");
        JfrTraceRun st = stats("merge-a.jfr", "merge-b.jfr");
        assertEquals(0, st.exitCode(), st::toString);
        assertRow(st, "872/60", "com/example/Factorial.java:6(Factorial.fact)");
        // pstats lists the loaded files first, one line each, then an empty line.
        assertTrue(st.lines().get(0).endsWith("    merge-a.jfr") && st.lines().get(1).endsWith("    merge-b.jfr")
                && st.lines().get(2).isEmpty(), st::toString);
    }

    @Test
    void excludedClassesAreNotProfiled() throws Exception {
        record("streams-excl.jfr", "--exclude", "com.example.Streams$*", "-cp", classes.toString(), "com.example.Streams");
        JfrTraceRun st = stats("streams-excl.jfr");
        assertEquals(0, st.exitCode(), st::toString);
        assertRow(st, "1000", "com/example/Streams.java:13(Streams.order)");
        assertTrue(st.stdout().lines().noneMatch(l -> l.contains("Streams$Order")), st::toString);
    }

    @Test
    void aJarIsRecordedUnderItsOwnNameByDefault() throws Exception {
        var manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, "com.example.Factorial");
        try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(work.resolve("factorial-app.jar")), manifest)) {
            jar.putNextEntry(new java.util.jar.JarEntry("com/example/Factorial.class"));
            jar.write(Files.readAllBytes(classes.resolve("com/example/Factorial.class")));
            jar.closeEntry();
        }
        JfrTraceRun rec = JfrTraceRun.run(work, "record", "-jar", "factorial-app.jar");
        assertEquals(0, rec.exitCode(), rec::toString);
        assertTrue(rec.stderr().contains("jfr-trace: wrote " + work.resolve("factorial-app.jfr")), rec::toString);
        assertRow(stats("factorial-app.jfr"), "436/30", "com/example/Factorial.java:6(Factorial.fact)");
    }

    @Test
    void jfrSettingsNoneRecordsOnlyJfrTracesOwnEvents() throws Exception {
        JfrTraceRun rec = record("none.jfr", "--jfr-settings", "none", "-cp", classes.toString(), "com.example.Factorial");
        assertEquals(0, rec.exitCode(), rec::toString);
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (jdk.jfr.consumer.RecordedEvent e : jdk.jfr.consumer.RecordingFile.readAllEvents(work.resolve("none.jfr"))) {
            types.add(e.getEventType().getName());
        }
        assertTrue(types.contains("jfrtrace.FunctionStats"), types::toString);
        // and the one stock event the fault handler enables itself, when a collection happens to come (it did on CI)
        assertTrue(types.stream().allMatch(t -> t.startsWith("jfrtrace.")
                || t.equals(io.jfrtrace.schema.StockEvents.ALLOCATION_REQUIRING_GC)), types::toString);
        assertRow(stats("none.jfr"), "436/30", "com/example/Factorial.java:6(Factorial.fact)");
    }
}

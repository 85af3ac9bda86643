package io.jfrtrace.cli.timeit;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.jfrtrace.analyzer.jfr.RecordingException;
import io.jfrtrace.analyzer.jfr.TimingRecordingReader;
import io.jfrtrace.analyzer.timeit.TimeitResult;
import io.jfrtrace.analyzer.timeit.TimingRecording;
import io.jfrtrace.privatefiles.PrivateFile;

/**
 * The fresh JVM that times a compiled snippet: its class files go into a private {@code 0700} temp folder (removed
 * afterwards), the JVM runs {@code io.jfrtrace.api.internal.timeit.TimeitRunner} from the API jar with the snippet,
 * keeps the terminal's stdin, stdout and stderr, and writes its measurements into that folder, with a flight recording
 * of the run (its repository in the folder too) that shows what the JVM did during each repeat.
 */
public final class TimingJvm {
    private static final String RUNNER = "io.jfrtrace.api.internal.timeit.TimeitRunner";

    /** What the run gave: measurements, or the JVM's exit status when it had none. */
    public sealed interface Outcome permits Measured, Failed, NeverStarted {
    }

    /**
     * The timings, and the run's flight recording ({@code null} when it could not be had: {@code unrecorded} says
     * why).
     */
    public record Measured(TimeitResult result, TimingRecording recording, String unrecorded) implements Outcome {
    }

    /** The snippet threw (the runner printed it) or the JVM died: its exit status. */
    public record Failed(int status) implements Outcome {
    }

    /** The JVM exited before the runner started (a bad -J option): its exit status. */
    public record NeverStarted(int status) implements Outcome {
    }

    private TimingJvm() {
    }

    /** What makes the snippet's class files; runs while the timing JVM starts. */
    @FunctionalInterface
    public interface Compilation {
        Map<String, byte[]> classes() throws SnippetCompiler.CompileError, IOException;
    }

    /**
     * Starts the timing JVM, compiles the snippet meanwhile (the JVM and its flight recorder take about half a second
     * to start, javac as long: they overlap), hands the JVM the class files, and waits for its measurements.
     * {@code keep}: where to copy the run's flight recording (owner-only), or null. A snippet that does not compile
     * ends the waiting JVM and throws.
     */
    public static Outcome run(Path java, List<String> jvmOptions, String classPath, Compilation compilation,
            long number, int repeat, boolean cpu, Path keep)
            throws IOException, InterruptedException, SnippetCompiler.CompileError {
        Path folder = Files.createTempDirectory("jfr-trace-timeit"); // 0700, random name
        try {
            Path repository = folder.resolve("repository");
            PrivateFile.createFolder(repository); // JFR keeps it as it finds it
            Path jfr = folder.resolve("timeit.jfr");
            Path ready = folder.resolve("classes.ready");
            Path result = folder.resolve("result.txt");
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.add("-XX:FlightRecorderOptions:repository=" + repository);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", folder + File.pathSeparator + classPath, RUNNER, SnippetSource.CLASS_NAME,
                    Long.toString(number), Integer.toString(repeat), cpu ? "cpu" : "wall", result.toString(),
                    jfr.toString(), ready.toString()));
            Process p = new ProcessBuilder(command).inheritIO().start();
            try {
                for (Map.Entry<String, byte[]> c : compilation.classes().entrySet()) {
                    Path file = folder.resolve(c.getKey().replace('.', '/') + ".class");
                    Files.createDirectories(file.getParent());
                    try (OutputStream out = PrivateFile.newOutputStream(file)) {
                        out.write(c.getValue());
                    }
                }
                PrivateFile.create(ready); // the JVM waits for it before it loads the snippet
            } catch (SnippetCompiler.CompileError | IOException | RuntimeException e) {
                p.destroyForcibly();
                p.waitFor();
                throw e;
            }
            int status = p.waitFor();
            List<String> lines;
            try {
                lines = Files.readAllLines(result, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return new NeverStarted(status);
            }
            if (status != 0 || !lines.contains("started") || lines.stream().noneMatch(l -> l.startsWith("number "))) {
                return lines.contains("started") ? new Failed(status == 0 ? 1 : status) : new NeverStarted(status);
            }
            String unrecorded = lines.stream().filter(l -> l.startsWith("unrecorded ")).findFirst()
                    .map(l -> "the JVM could not record: " + l.substring("unrecorded ".length())).orElse(null);
            TimingRecording recording = null;
            if (unrecorded == null) {
                try {
                    recording = TimingRecordingReader.read(jfr);
                    if (keep != null) {
                        PrivateFile.copy(jfr, keep);
                    }
                } catch (RecordingException e) {
                    unrecorded = e.getMessage();
                }
            }
            return new Measured(parse(lines, repeat), recording, unrecorded);
        } finally {
            try (Stream<Path> paths = Files.walk(folder)) {
                paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static TimeitResult parse(List<String> lines, int repeat) {
        List<TimeitResult.Trial> trials = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        long number = 0;
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "trial" -> trials.add(new TimeitResult.Trial(Long.parseLong(f[1]), Double.parseDouble(f[2])));
                case "number" -> number = Long.parseLong(f[1]);
                case "raw" -> raw.add(Double.parseDouble(f[1]));
                default -> { } // "started", "unrecorded"
            }
        }
        return new TimeitResult(trials, number, repeat, raw);
    }
}

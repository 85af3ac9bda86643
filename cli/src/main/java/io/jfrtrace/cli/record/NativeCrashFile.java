package io.jfrtrace.cli.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash file of the native agent ({@code recorder/src/main/native/jfrtrace_fault.c}; format in
 * docs/architecture.md): the signal, the crashing thread's frames and, when the watchdog got them in time,
 * every thread's stack. Tolerant of cut and interleaved records: whatever was written counts.
 */
record NativeCrashFile(String signal, boolean armed, List<String> crashingFrames, List<NativeThread> threads) {
    record NativeThread(long id, String state, String name, List<String> frames) {
    }

    /** Null when the file is missing or holds no crash. */
    static NativeCrashFile read(Path file) {
        List<String> lines;
        try {
            if (file == null || !Files.isRegularFile(file)) {
                return null;
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
        return parse(lines);
    }

    static NativeCrashFile parse(List<String> lines) {
        String signal = null;
        boolean armed = false;
        List<String> crashing = new ArrayList<>();
        List<NativeThread> threads = new ArrayList<>();
        List<String> target = null;
        for (String l : lines) {
            String[] f = l.split("\t", -1);
            switch (f[0]) {
                case "armed" -> armed = true;
                case "signal" -> signal = f.length > 2 ? f[2] : null;
                case "crashing" -> target = crashing;
                case "thread" -> {
                    if (f.length >= 4) {
                        long id;
                        try {
                            id = Long.parseLong(f[1]);
                        } catch (NumberFormatException e) {
                            id = -1;
                        }
                        NativeThread t = new NativeThread(id, f[2], l.substring(f[0].length() + f[1].length() + f[2].length() + 3),
                                new ArrayList<>());
                        threads.add(t);
                        target = t.frames();
                    } else {
                        target = null;
                    }
                }
                case "frame" -> {
                    if (target != null && f.length >= 5) {
                        int line;
                        try {
                            line = Integer.parseInt(f[3]);
                        } catch (NumberFormatException e) {
                            line = -1;
                        }
                        target.add(CrashFrames.frame(CrashFrames.classOfSignature(f[1]), f[2].equals("-") ? null : f[2], line, f[4]));
                    }
                }
                default -> { } // raw ids, pid, tid, timeout, end: not needed here
            }
        }
        if (signal == null) {
            return null;
        }
        return new NativeCrashFile(signal, armed, List.copyOf(crashing), List.copyOf(threads));
    }
}

package io.jfrtrace.api;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The fallback without the agent: the same text as the recorder's faulthandler (a self-contained
 * copy, so that the API jar needs nothing else; a unit test keeps both printers identical), no events.
 */
final class LocalFaultHandler {
    private static final Map<String, Object[]> SIGNALS = new HashMap<>();
    private static Thread.UncaughtExceptionHandler installed;
    private static Thread.UncaughtExceptionHandler previous;
    private static Thread watchdog;

    private LocalFaultHandler() {
    }

    static void dumpTraceback(OutputStream out, boolean allThreads) {
        dump(null, Thread.currentThread(), null, allThreads, out);
    }

    static synchronized void enable(OutputStream out, boolean allThreads) {
        disable();
        previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler prev = previous;
        installed = (t, e) -> {
            try {
                dump("Fatal JVM error: " + escape(e.toString()) + "\n\n", t, e.getStackTrace(), allThreads, out);
            } catch (Throwable ignored) {
                // never hide the original error
            }
            if (prev != null) {
                prev.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        };
        Thread.setDefaultUncaughtExceptionHandler(installed);
    }

    static synchronized void disable() {
        if (installed != null && Thread.getDefaultUncaughtExceptionHandler() == installed) {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        installed = null;
    }

    static synchronized boolean isEnabled() {
        return installed != null;
    }

    static synchronized void dumpTracebackLater(long micros, boolean repeat, OutputStream out, boolean exit) {
        cancelDumpTracebackLater();
        Thread w = new Thread(() -> {
            try {
                do {
                    Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
                    dump(timeoutHeader(micros), null, null, true, out);
                    if (exit) {
                        System.exit(1);
                    }
                } while (repeat);
            } catch (InterruptedException e) {
                // cancelled
            }
        }, "jfr-trace faulthandler watchdog");
        w.setDaemon(true);
        watchdog = w;
        w.start();
    }

    static synchronized void cancelDumpTracebackLater() {
        if (watchdog != null) {
            watchdog.interrupt();
            watchdog = null;
        }
    }

    static synchronized void register(String name, OutputStream out, boolean allThreads, boolean chain) {
        String n = checkSignal(name);
        unregister(n);
        Signal sig = new Signal(n);
        SignalHandler[] prev = new SignalHandler[1];
        prev[0] = Signal.handle(sig, s -> {
            dump(null, Thread.currentThread(), null, allThreads, out);
            SignalHandler p = prev[0];
            if (chain && p != null && p != SignalHandler.SIG_DFL && p != SignalHandler.SIG_IGN) {
                p.handle(s);
            }
        });
        SIGNALS.put(n, new Object[] {sig, prev[0]});
    }

    static synchronized boolean unregister(String name) {
        Object[] r = SIGNALS.remove(checkSignal(name));
        if (r == null) {
            return false;
        }
        Signal.handle((Signal) r[0], (SignalHandler) r[1]);
        return true;
    }

    static String checkSignal(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        if (n.startsWith("SIG")) {
            n = n.substring(3);
        }
        switch (n) {
            case "USR1", "HUP", "WINCH", "URG", "CONT", "TTIN", "TTOU":
                return n;
            case "USR2", "QUIT", "SEGV", "BUS", "ILL", "FPE", "ABRT", "INT", "TERM", "KILL", "STOP":
                throw new IllegalArgumentException("signal " + n + " cannot be used for dumps (the JVM needs it)");
            default:
                throw new IllegalArgumentException("unknown signal '" + name + "'");
        }
    }

    // ---- the text (cpython-formats.md §5) ----

    private static void dump(String header, Thread current, StackTraceElement[] currentFrames, boolean all,
                             OutputStream out) {
        if (out == null) {
            return;
        }
        List<Object[]> threads = new ArrayList<>(); // {id, name, current, frames}
        if (current != null) {
            threads.add(new Object[] {current.getId(), current.getName(), true,
                    currentFrames != null ? currentFrames : strip(current.getStackTrace())});
        }
        if (all) {
            for (Map.Entry<Thread, StackTraceElement[]> en : Thread.getAllStackTraces().entrySet()) {
                Thread t = en.getKey();
                if (t != current && t != watchdog) {
                    threads.add(new Object[] {t.getId(), t.getName(), false, strip(en.getValue())});
                }
            }
        }
        threads.sort(Comparator.comparingLong((Object[] t) -> (Long) t[0]).reversed());
        StringBuilder sb = new StringBuilder(4096);
        if (header != null) {
            sb.append(header);
        }
        if (!all) {
            sb.append("Stack (most recent call first):\n");
            if (!threads.isEmpty()) {
                frames(sb, (StackTraceElement[]) threads.get(0)[3]);
            }
        } else {
            for (int i = 0; i < threads.size(); i++) {
                if (i == 100) {
                    sb.append("\n...\n");
                    break;
                }
                Object[] t = threads.get(i);
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append((Boolean) t[2] ? "Current thread " : "Thread ").append(String.format("0x%016x", (Long) t[0]))
                        .append(" \"").append(escape((String) t[1])).append("\" (most recent call first):\n");
                frames(sb, (StackTraceElement[]) t[3]);
            }
        }
        try {
            synchronized (out) {
                out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (Throwable ignored) {
            // nowhere to report it
        }
        if (out instanceof PrintStream ps) {
            ps.flush();
        }
    }

    static String timeoutHeader(long micros) {
        long sec = micros / 1_000_000;
        long us = micros % 1_000_000;
        String s = String.format("Timeout (%d:%02d:%02d", sec / 3600, sec / 60 % 60, sec % 60);
        return (us != 0 ? s + String.format(".%06d", us) : s) + ")!\n";
    }

    private static void frames(StringBuilder sb, StackTraceElement[] frames) {
        if (frames.length == 0) {
            sb.append("  <no Java frame>\n");
            return;
        }
        for (int i = 0; i < Math.min(frames.length, 100); i++) {
            StackTraceElement e = frames[i];
            String cls = e.getClassName();
            int dot = cls.lastIndexOf('.');
            String src = e.getFileName();
            if (src == null || src.isEmpty()) {
                String simple = cls.substring(dot + 1).split("[$/]", 2)[0];
                src = simple + ".java";
            }
            String file = (dot < 0 ? "" : cls.substring(0, dot + 1).replace('.', '/')) + src;
            int line = e.getLineNumber();
            sb.append("  File \"").append(escape(file)).append("\", line ").append(line < 0 ? "???" : Integer.toString(line))
                    .append(" in ").append(escape(cls.substring(dot + 1) + "." + e.getMethodName())).append('\n');
        }
        if (frames.length > 100) {
            sb.append("  ...\n");
        }
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int count = 0;
        for (int i = 0; i < s.length(); count++) {
            if (count == 500) {
                return sb.append("...").toString();
            }
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0x20 && cp <= 0x7e) {
                sb.append((char) cp);
            } else {
                sb.append(String.format(cp <= 0xff ? "\\x%02x" : cp <= 0xffff ? "\\u%04x" : "\\U%08x", cp));
            }
        }
        return sb.toString();
    }

    private static StackTraceElement[] strip(StackTraceElement[] frames) {
        int i = 0;
        while (i < frames.length) {
            String c = frames[i].getClassName();
            String m = frames[i].getMethodName();
            boolean ours = c.startsWith("io.jfrtrace.api.") || c.startsWith("jdk.internal.reflect.")
                    || c.startsWith("java.lang.reflect.") || c.startsWith("java.lang.invoke.")
                    || c.equals("java.lang.Thread") && (m.equals("getStackTrace") || m.equals("getAllStackTraces")
                    || m.equals("dumpThreads") || m.equals("asyncGetStackTrace"));
            if (!ours) {
                break;
            }
            i++;
        }
        StackTraceElement[] out = new StackTraceElement[frames.length - i];
        System.arraycopy(frames, i, out, 0, out.length);
        return out;
    }
}

package io.jfrtrace.api;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.jfrtrace.schema.agent.DumpSignals;
import io.jfrtrace.schema.text.FaulthandlerText;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The fallback without the agent: the recorder's faulthandler text ({@link FaulthandlerText}, which the API jar
 * carries), no events.
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
                dump(new FaulthandlerText(new StringBuilder()).fatalHeader(e.toString()).toString(), t, e.getStackTrace(),
                        allThreads, out);
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
        String n = DumpSignals.check(name);
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
        Object[] r = SIGNALS.remove(DumpSignals.check(name));
        if (r == null) {
            return false;
        }
        Signal.handle((Signal) r[0], (SignalHandler) r[1]);
        return true;
    }

    // ---- the text ----

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
        FaulthandlerText text = new FaulthandlerText(sb);
        if (!all) {
            text.stack();
            if (!threads.isEmpty()) {
                text.frames((StackTraceElement[]) threads.get(0)[3]);
            }
        } else {
            for (Object[] t : threads) {
                if (!text.thread((Boolean) t[2], (Long) t[0], (String) t[1])) {
                    break;
                }
                text.frames((StackTraceElement[]) t[3]);
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
        return new FaulthandlerText(new StringBuilder()).timeoutHeader(micros).toString();
    }

    static String escape(String s) {
        return FaulthandlerText.escape(s, FaulthandlerText.MAX_STRING);
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

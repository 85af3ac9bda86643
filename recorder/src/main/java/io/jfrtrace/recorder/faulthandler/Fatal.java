package io.jfrtrace.recorder.faulthandler;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

import io.jfrtrace.schema.ThreadDumpEvent;

/**
 * {@code faulthandler.enable} at the Java level. An uncaught exception in any thread (including
 * {@code OutOfMemoryError} and {@code StackOverflowError}) is dumped as {@code fatal} by a default
 * uncaught-exception handler, which then hands over to the previous handler (or prints the
 * exception as the JVM would), so behaviour and exit status are unchanged. The dying thread's frames
 * are its exception's stack trace: where it was thrown, before unwinding.
 *
 * <p>Out of memory: a collection-usage threshold at 95 % of each heap pool's maximum (checked by
 * the JVM after each GC anyway: no cost while idle) snapshots all threads while memory runs out;
 * an uncaught {@code OutOfMemoryError} within 10 s then reports the other threads as that snapshot
 * saw them. A reserve (1/32 of the heap, 1-8 MiB) is released before anything else when an
 * {@code OutOfMemoryError} arrives: the program may still hold the rest of the heap, and the dump,
 * the error's printout, the JPLIS agent's class-load hook and JFR's final chunk at exit all need
 * some. Every class a dump needs is loaded when the handler is installed. An error that comes without a
 * backtrace is dumped without frames for its thread; the analyzer places it from the JVM's
 * jdk.AllocationRequiringGC events (FaultAgent enables them, docs/events.md).
 */
final class Fatal implements Thread.UncaughtExceptionHandler {
    private static final double LOW_MEMORY_FRACTION = 0.95;
    private static final long SNAPSHOT_MAX_AGE_NANOS = 10_000_000_000L;

    private static Fatal installed;

    private final Thread.UncaughtExceptionHandler previous;
    private final OutputStream out;
    private final boolean allThreads;
    /** Released before dumping an OutOfMemoryError: 1/32 of the heap, 1 to 8 MiB. */
    private volatile byte[] reserve = new byte[(int) Math.max(1 << 20, Math.min(8 << 20, Runtime.getRuntime().maxMemory() / 32))];
    private volatile Map<Thread, StackTraceElement[]> lowMemorySnapshot;
    private volatile long lowMemoryNanos;
    private NotificationListener listener;
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();

    private Fatal(Thread.UncaughtExceptionHandler previous, OutputStream out, boolean allThreads) {
        this.previous = previous;
        this.out = out;
        this.allThreads = allThreads;
    }

    static synchronized void enable(OutputStream out, boolean allThreads) {
        disable();
        Fatal f = new Fatal(Thread.getDefaultUncaughtExceptionHandler(), out, allThreads);
        Thread.setDefaultUncaughtExceptionHandler(f);
        f.watchMemory();
        f.releaseReserve(new IllegalStateException("warm-up")); // links the check; keeps the reserve
        try {
            Dumper.warmUp();
            new Exception().toString();
            loadOutOfMemoryPath();
        } catch (Throwable ignored) {
            // only an optimisation
        }
        installed = f;
    }

    static synchronized void disable() {
        Fatal f = installed;
        installed = null;
        if (f == null) {
            return;
        }
        if (Thread.getDefaultUncaughtExceptionHandler() == f) {
            Thread.setDefaultUncaughtExceptionHandler(f.previous);
        }
        f.unwatchMemory();
    }

    static synchronized boolean isEnabled() {
        return installed != null;
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        // First of all: the program may still hold the whole heap, and everything below allocates.
        boolean outOfMemory = releaseReserve(e);
        try {
            Map<Thread, StackTraceElement[]> others = null;
            StackTraceElement[] failing = e.getStackTrace();
            if (outOfMemory) {
                Map<Thread, StackTraceElement[]> snap = lowMemorySnapshot;
                if (snap != null && System.nanoTime() - lowMemoryNanos < SNAPSHOT_MAX_AGE_NANOS) {
                    others = snap;
                }
                // An error without a backtrace (HotSpot's preallocated ones with one were used up)
                // keeps no frames here: the snapshot's may be an earlier episode's (a program that
                // recovered from one named where it was then), and the analyzer takes the thread's
                // last allocation that waited for a collection, the one that failed (events.md).
            }
            List<ThreadStack> threads = Dumper.capture(t, failing, allThreads, others);
            Dumper.emit(ThreadDumpEvent.FATAL, e.toString(), 0, t, threads, allThreads, out);
        } catch (Throwable ignored) {
            // never hide the original error
        }
        if (previous != null) {
            previous.uncaughtException(t, e);
        } else {
            // what ThreadGroup.uncaughtException prints when no default handler is set (without
            // string concatenation, whose first use links a call site: more memory)
            PrintStream err = System.err;
            err.print("Exception in thread \"");
            err.print(t.getName());
            err.print("\" ");
            e.printStackTrace(err);
        }
    }

    /**
     * Drops the reserve if {@code e} is an OutOfMemoryError; the collection that the next failed
     * allocation brings frees it. Nothing here may allocate, and linking the check's class reference
     * does (the first use resolves OutOfMemoryError through this class's loader, a Java call), so
     * {@link #enable} runs it once. Unlinked, it failed while the heap was still full, before the
     * reserve went: no dump, the JVM's "OutOfMemoryError thrown from the UncaughtExceptionHandler",
     * JPLIS "ASSERTION FAILED" lines for every class loaded after that and an empty recording.
     */
    private boolean releaseReserve(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            reserve = null;
            return true;
        }
        return false;
    }

    private void watchMemory() {
        try {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                long max = p.getUsage() == null ? -1 : p.getUsage().getMax();
                if (p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported() && max > 0
                        && p.getCollectionUsageThreshold() == 0) {
                    p.setCollectionUsageThreshold((long) (max * LOW_MEMORY_FRACTION));
                    pools.add(p);
                }
            }
            if (pools.isEmpty()) {
                return;
            }
            listener = this::onMemoryNotification;
            ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(listener, null, null);
            warmNotifications();
        } catch (Throwable ignored) {
            // no management support: the uncaught handler alone still reports the error
        }
    }

    /**
     * The JVM builds a threshold notification on its Notification Thread, and the first one
     * initialises the JDK's open-type mappings (sun.management.MappedMXBeanType): slow, and it
     * allocates while the heap is nearly full. The program could then run out of memory before the
     * snapshot, with an OutOfMemoryError that has no backtrace either (HotSpot's preallocated ones
     * were taken), leaving the dump without the failing frames: FaultHandlerIT's out-of-memory test
     * failed so about 1 run in 12, with the Notification Thread still in that initialisation.
     * MemoryNotificationInfo.from does that initialisation now, then refuses the dummy data; so
     * does MemoryUsage.from for the usage's mapping. The rest of that path (the bean's ObjectName,
     * the Notification class, our listener) runs here once too: a class it loaded while the heap
     * was full would also cost a JPLIS "ASSERTION FAILED" line (the class-load hook cannot make
     * the class's name string), and sun.management.MemoryUsageCompositeData was still loaded there.
     */
    private void warmNotifications() {
        try {
            initOpenTypes();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            // a type the listener ignores: the real one would count as this episode's snapshot
            onMemoryNotification(new Notification(MemoryNotificationInfo.MEMORY_THRESHOLD_EXCEEDED,
                    memory.getObjectName(), 0, System.currentTimeMillis(), "warm-up"), null);
        } catch (Throwable ignored) {
            // only an optimisation
        }
    }

    /**
     * The slow part of {@link #enable}'s warm-ups, which holds no state: the management beans' and open types'
     * classes and mappings, the dumper's code path. The agent runs it on a thread of its own while JFR starts (about
     * 0.1 s of start-up off the program's way); {@link #enable}, after it, finds them ready.
     */
    static void prepare() {
        try {
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                p.getUsage();
                p.isCollectionUsageThresholdSupported();
            }
            ManagementFactory.getMemoryMXBean().getObjectName();
            initOpenTypes();
            Dumper.warmUp();
            new Exception().toString();
        } catch (Throwable ignored) {
            // only an optimisation
        }
    }

    /**
     * Loads what the JVM may load on an OutOfMemoryError's way through the JDK: a class loaded while the heap is full
     * makes the JPLIS agent's load hook fail ("ASSERTION FAILED ... can't create name string"). The catch type of the
     * memory notifications' code (sun.management's CompositeData builders), resolved when the error passes through it,
     * and Throwable's print-stream wrappers, through which the JVM prints an uncaught error.
     */
    private static void loadOutOfMemoryPath() {
        OpenDataException.class.getName();
        new Exception().printStackTrace(new PrintStream(OutputStream.nullOutputStream()));
    }

    /** MemoryNotificationInfo.from and MemoryUsage.from initialise their open-type mappings, then refuse the dummy. */
    private static void initOpenTypes() throws OpenDataException {
        CompositeType type = new CompositeType("warm-up", "warm-up", new String[] {"x"}, new String[] {"x"},
                new OpenType<?>[] {SimpleType.STRING});
        CompositeDataSupport dummy = new CompositeDataSupport(type, new String[] {"x"}, new Object[] {"x"});
        try {
            MemoryNotificationInfo.from(dummy);
        } catch (IllegalArgumentException expected) {
            // not a notification; the classes are initialised by then
        }
        try {
            MemoryUsage.from(dummy);
        } catch (IllegalArgumentException expected) {
            // not a usage, likewise
        }
    }

    private void unwatchMemory() {
        try {
            if (listener != null) {
                ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).removeNotificationListener(listener);
            }
            for (MemoryPoolMXBean p : pools) {
                p.setCollectionUsageThreshold(0);
            }
        } catch (Throwable ignored) {
            // best effort
        }
    }

    private void onMemoryNotification(Notification n, Object handback) {
        if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())) {
            // One attempt per low-memory episode: the JVM notifies after every collection above the
            // threshold, and each attempt that fails for lack of memory uses up one of HotSpot's four
            // preallocated OutOfMemoryErrors with a backtrace; the program's own error then came
            // without one (FaultHandlerIT saw both).
            long now = System.nanoTime();
            if (lowMemoryNanos != 0 && now - lowMemoryNanos < SNAPSHOT_MAX_AGE_NANOS) {
                return;
            }
            lowMemoryNanos = now;
            try {
                lowMemorySnapshot = Thread.getAllStackTraces();
            } catch (Throwable ignored) {
                // memory too low even for that
            }
        }
    }
}

package io.jfrtrace.recorder;

import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Retransforms loaded classes: all in one request (one pass of the JVM over its threads and compiled code, where a
 * request per class took seconds for a thousand classes), and only if that fails, one by one, so that one class the
 * JVM refuses (named in a warning) leaves the others done.
 */
final class Retransform {
    private Retransform() {
    }

    /** Returns how many of {@code classes} were retransformed; {@code what} names the step in warnings. */
    static int all(Instrumentation inst, List<Class<?>> classes, String what) {
        if (classes.isEmpty()) {
            return 0;
        }
        try {
            inst.retransformClasses(classes.toArray(new Class<?>[0]));
            return classes.size();
        } catch (Throwable batch) {
            int done = 0;
            for (Class<?> c : classes) {
                try {
                    inst.retransformClasses(c);
                    done++;
                } catch (Throwable e) {
                    System.err.println("jfr-trace agent: warning: cannot " + what + " " + c.getName() + ": " + e);
                }
            }
            return done;
        }
    }
}

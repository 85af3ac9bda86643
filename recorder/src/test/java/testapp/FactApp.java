package testapp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/** Test program for the agent: args[0] = normal | exit | throw | halt. */
public class FactApp {
    static long fact(int n) {
        return n <= 1 ? 1 : n * fact(n - 1);
    }

    static class Base {
        Base(boolean fail) {
            if (fail) {
                throw new IllegalArgumentException("base");
            }
        }
    }

    static class Sub extends Base {
        Sub(boolean fail) {
            super(fail);
        }
    }

    static final class Counter {
        private int n;

        synchronized void inc() {
            n++;
        }
    }

    static int thrower(int i) {
        if (i % 2 == 0) {
            throw new IllegalStateException("even");
        }
        return i;
    }

    static void leaf() {
    }

    public static void main(String[] args) {
        long s = 0;
        for (int i = 0; i < 30; i++) {
            s += fact(i);
        }
        Counter c = new Counter();
        for (int i = 0; i < 5; i++) {
            c.inc();
        }
        int caught = 0;
        for (int i = 0; i < 4; i++) {
            try {
                thrower(i);
            } catch (IllegalStateException e) {
                caught++;
            }
        }
        try {
            new Sub(true);
        } catch (IllegalArgumentException e) {
            caught++;
        }
        new Sub(false);
        leaf();
        IntSupplier sup = () -> 7;
        List<Integer> list = new ArrayList<>();
        list.add(sup.getAsInt());
        System.out.println("sum=" + s + " caught=" + caught + " list=" + list + " max=" + Math.max(3, 4));
        String mode = args.length > 0 ? args[0] : "normal";
        if (mode.equals("halt")) {
            Runtime.getRuntime().halt(4); // no exit hooks, no deleteOnExit
        }
        if (mode.equals("exit")) {
            System.exit(3);
        }
        if (mode.equals("throw")) {
            throw new IllegalStateException("uncaught on purpose");
        }
    }
}

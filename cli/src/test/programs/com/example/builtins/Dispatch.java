package com.example.builtins;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Calls through JDK types that land directly in the program's own methods (an interface, a virtual
 * method of Object, a method reference), and JDK methods that call the program back (List.sort
 * calling compare, Writer.write(String) calling write(char[], int, int)). Prints how many
 * comparisons the sort made, which depends on the JDK's sort.
 */
public class Dispatch {
    static int compares;

    static final class ByLength implements Comparator<String> {
        @Override
        public int compare(String a, String b) {
            compares++;
            return Integer.compare(a.length(), b.length());
        }
    }

    /** Delegates through the interface: without care, a built-in 'compare' calling itself. */
    static final class Reversed implements Comparator<String> {
        final Comparator<String> inner;

        Reversed(Comparator<String> inner) {
            this.inner = inner;
        }

        @Override
        public int compare(String a, String b) {
            return inner.compare(b, a);
        }
    }

    static final class Square {
        @Override
        public String toString() {
            return "square";
        }
    }

    static final class Sink extends Writer {
        int chars;

        @Override
        public void write(char[] buf, int off, int len) {
            chars += len;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    static int direct(Comparator<String> c, List<String> xs) {
        int n = 0;
        for (int i = 1; i < xs.size(); i++) {
            n += c.compare(xs.get(i - 1), xs.get(i));
        }
        return n;
    }

    static int twice(int x) {
        return 2 * x;
    }

    public static void main(String[] args) throws IOException {
        List<String> xs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            xs.add("x".repeat((i * 37) % 11));
        }
        Comparator<String> byLength = new ByLength();
        int n = direct(byLength, xs);
        n += direct(new Reversed(byLength), xs);
        compares = 0;
        xs.sort(byLength);
        System.out.println("sort compares " + compares);
        Object square = new Square();
        String s = square.toString();
        IntUnaryOperator f = Dispatch::twice;
        for (int i = 0; i < 5; i++) {
            n += f.applyAsInt(i);
        }
        Writer w = new Sink();
        w.write("hello");
        w.write(new char[] {'a', 'b'}, 0, 2);
        System.out.println(n + " " + s + " " + ((Sink) w).chars);
    }
}

package com.example.livetrace;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;

/** The program's own System.out, itself traced (LiveTraceIT): the tracer's prints through it are not traced again. */
public class OwnStream {
    static final class Stamped extends PrintStream {
        Stamped() {
            super(new FileOutputStream(FileDescriptor.out), true);
        }

        @Override
        public void print(String s) {
            super.print(s);
        }
    }

    public static void main(String[] args) {
        System.setOut(new Stamped());
        System.out.print("own\n");
    }
}

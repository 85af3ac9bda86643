package com.example.fault;

/** Crashes in native code: args[0] is a JNI library whose crash() writes to address 0. */
public class JniCrash {
    static native void crash();

    static void callNative() {
        crash();
    }

    public static void main(String[] args) {
        System.load(args[0]);
        callNative();
    }
}

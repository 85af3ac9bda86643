package com.example.fault;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/** Writes to address 0 through sun.misc.Unsafe: a real SIGSEGV, the JVM crashes. */
public class UnsafeCrash {
    static void poke(Unsafe u) {
        u.putAddress(0L, 42L);
    }

    public static void main(String[] args) throws Exception {
        Field f = Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        poke((Unsafe) f.get(null));
    }
}

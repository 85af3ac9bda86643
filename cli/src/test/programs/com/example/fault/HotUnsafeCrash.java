package com.example.fault;

import java.lang.reflect.Field;

import sun.misc.Unsafe;

/** Crashes in JIT-compiled code: poke is hot (compiled, Unsafe intrinsified) before it writes to address 0. */
public class HotUnsafeCrash {
    static void poke(Unsafe u, long address, long value) {
        u.putLong(address, value);
    }

    public static void main(String[] args) throws Exception {
        Field f = Unsafe.class.getDeclaredField("theUnsafe");
        f.setAccessible(true);
        Unsafe u = (Unsafe) f.get(null);
        long mem = u.allocateMemory(8);
        for (int i = 0; i < 2_000_000; i++) {
            poke(u, mem, i);
        }
        Thread.sleep(500); // let the compiler finish
        for (int i = 0; i < 2_000_000; i++) {
            poke(u, mem, i);
        }
        poke(u, 0L, 42L);
    }
}

package com.example;

/** Works until it is killed: used to show what survives SIGKILL and SIGTERM. */
public class Forever {
    static long tick(long x) {
        return x * 31 + 7;
    }

    public static void main(String[] args) throws InterruptedException {
        long x = 0;
        System.out.println("ready");
        System.out.flush();
        while (true) {
            for (int i = 0; i < 1000; i++) {
                x = tick(x);
            }
            Thread.sleep(1);
        }
    }
}

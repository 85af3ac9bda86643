package com.example;

/** Exceptions thrown three frames deep and caught in main: frames left by an exception count as returns. */
public class Exceptions {
    static int parse(String s) {
        return Integer.parseInt(s);
    }

    static int middle(String s) {
        return parse(s) * 2;
    }

    static int outer(String s) {
        return middle(s) + 1;
    }

    public static void main(String[] args) {
        String[] inputs = {"1", "x", "2", "y", "z", "3"};
        int ok = 0;
        int failed = 0;
        for (String s : inputs) {
            try {
                outer(s);
                ok++;
            } catch (NumberFormatException e) {
                failed++;
            }
        }
        System.out.println(ok + " parsed, " + failed + " failed");
    }
}

package com.example.lines;

/** For LineCountsIT's one-step trace: counts a loop, then ends as args[0] says (exit N, throw, or halt N after a flush). */
public class Ending {
    static int work(int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += i; // work body
        }
        return sum;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("sum " + work(10));
        switch (args[0]) {
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "throw" -> throw new IllegalStateException("ending by exception"); // throws
            case "halt" -> {
                Thread.sleep(2500); // the agent flushes every second: the counts above are in the recording
                Runtime.getRuntime().halt(Integer.parseInt(args[1]));
            }
            default -> {
            }
        }
    }
}

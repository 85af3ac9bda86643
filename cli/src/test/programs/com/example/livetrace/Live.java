package com.example.livetrace; public class Live { static int gone = 1; // the statements at Python's module level run in <clinit>
    static int sq = 2; static int square(int x) {
        return x * x;
    }
    static int mn = 5; public static void main(String[] args) {
        int total = 0;
        for (int i = 0; i < 4; i++) {
            if (i % 2 == 0) {
                total += square(i);
            } else {
                total -= 1; } }
        int t = Gone.twice(total); // Gone's source is not on the source path: its lines run on, as in CPython
        System.out.println("total " + total + " " + t);
        String s = "a\tb";	// tab, and a CRLF line end
        return;
    }
    static int last = 17; }
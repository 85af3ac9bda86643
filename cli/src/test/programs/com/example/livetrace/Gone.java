package com.example.livetrace; final class Gone { static int loaded = 1; static int twice(int x) {
        int y = x + x;
        return y;
    } }

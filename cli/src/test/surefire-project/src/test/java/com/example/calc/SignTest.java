package com.example.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignTest {
    @Test
    void positive() {
        assertEquals(1, Calc.sign(5));
    }
}

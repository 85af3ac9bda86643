package com.example.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SquaresTest {
    @Test
    void sumsTheSquares() {
        assertEquals(385, Calc.sumOfSquares(10));
        assertEquals(14, Calc.sumOfSquares(3));
    }
}

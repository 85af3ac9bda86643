package com.example;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A lambda-heavy stream pipeline: each lambda body is its own function (lambda$main$N). */
public class Streams {
    record Order(int id, String customer, int amount) {
    }

    static Order order(int i) {
        return new Order(i, "customer-" + (i % 7), (i * 37) % 101);
    }

    public static void main(String[] args) {
        List<Order> orders = IntStream.range(0, 1000).mapToObj(Streams::order).collect(Collectors.toList());
        var totals = orders.stream()
                .filter(o -> o.amount() > 10)
                .collect(Collectors.groupingBy(Order::customer, Collectors.summingInt(o -> o.amount())));
        long big = totals.values().stream().filter(v -> v > 6000).count();
        System.out.println(totals.size() + " customers, " + big + " above 6000");
    }
}

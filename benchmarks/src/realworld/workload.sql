-- The SQL script of the real-world benchmark (benchmarks/realworld.py), run by H2's RunScript on an in-memory
-- database: generated rows (SYSTEM_RANGE), indexes, joins, grouping, updates and deletes. Deterministic.
CREATE TABLE customer(id INT PRIMARY KEY, name VARCHAR(40), region VARCHAR(10), since DATE);
CREATE TABLE product(id INT PRIMARY KEY, sku VARCHAR(20), price DECIMAL(10, 2));
CREATE TABLE orders(id INT PRIMARY KEY, customer_id INT, placed DATE, status VARCHAR(10));
CREATE TABLE item(order_id INT, line INT, product_id INT, qty INT, PRIMARY KEY(order_id, line));

INSERT INTO customer SELECT X, 'customer ' || X, CASEWHEN(MOD(X, 5) = 0, 'north', CASEWHEN(MOD(X, 5) = 1, 'south',
    CASEWHEN(MOD(X, 5) = 2, 'east', 'west'))), DATEADD('DAY', -MOD(X * 7919, 3650), DATE '2026-01-01')
    FROM SYSTEM_RANGE(1, 10000);
INSERT INTO product SELECT X, 'p-' || (X * 31), MOD(X * 37, 1000) / 10.0 + 1 FROM SYSTEM_RANGE(1, 2000);
INSERT INTO orders SELECT X, 1 + MOD(X * 13, 10000), DATEADD('DAY', -MOD(X, 700), DATE '2026-01-01'),
    CASEWHEN(MOD(X, 7) = 0, 'returned', 'paid') FROM SYSTEM_RANGE(1, 30000);
INSERT INTO item SELECT o.X, l.X, 1 + MOD(o.X * 17 + l.X * 101, 2000), 1 + MOD(o.X + l.X, 4)
    FROM SYSTEM_RANGE(1, 30000) o, SYSTEM_RANGE(1, 3) l;

CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX item_product ON item(product_id);

SELECT c.region, COUNT(DISTINCT o.id), SUM(i.qty * p.price)
    FROM customer c JOIN orders o ON o.customer_id = c.id JOIN item i ON i.order_id = o.id
    JOIN product p ON p.id = i.product_id
    WHERE o.status = 'paid' GROUP BY c.region ORDER BY c.region;
SELECT p.sku, SUM(i.qty) AS sold FROM item i JOIN product p ON p.id = i.product_id
    GROUP BY p.sku ORDER BY sold DESC, p.sku LIMIT 20;
SELECT YEAR(o.placed), MONTH(o.placed), COUNT(*) FROM orders o GROUP BY YEAR(o.placed), MONTH(o.placed)
    ORDER BY 1, 2;
SELECT c.id, c.name, (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id) AS n
    FROM customer c WHERE MOD(c.id, 97) = 0 ORDER BY n DESC, c.id LIMIT 50;

UPDATE product SET price = price * 1.05 WHERE MOD(id, 3) = 0;
UPDATE orders SET status = 'late' WHERE status = 'paid' AND placed < DATE '2024-06-01' AND MOD(id, 11) = 0;
DELETE FROM item WHERE order_id IN (SELECT id FROM orders WHERE status = 'returned' AND MOD(id, 2) = 0);

SELECT o.status, COUNT(DISTINCT o.id), SUM(i.qty * p.price) FROM orders o JOIN item i ON i.order_id = o.id
    JOIN product p ON p.id = i.product_id GROUP BY o.status ORDER BY o.status;
SELECT COUNT(*), SUM(qty) FROM item;

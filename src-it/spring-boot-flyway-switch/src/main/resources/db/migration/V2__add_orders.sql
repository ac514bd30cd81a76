-- orders of a customer
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total numeric(12, 2) NOT NULL DEFAULT 0
);
CREATE INDEX orders_customer ON orders (customer_id);
INSERT INTO customers (name) VALUES ('ada'), ('grace');
INSERT INTO orders (customer_id, total) VALUES (1, 10.50), (1, 4.25), (2, 99.00);

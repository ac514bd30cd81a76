-- orders of a customer
CREATE TABLE orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total numeric(10, 2) NOT NULL DEFAULT 0
);
CREATE INDEX orders_customer ON orders (customer_id);

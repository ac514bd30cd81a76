CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES clients (id),
    state order_state NOT NULL DEFAULT 'open',
    total numeric(10,2) NOT NULL CHECK (total >= 0)
);
CREATE INDEX orders_customer ON orders (customer_id);

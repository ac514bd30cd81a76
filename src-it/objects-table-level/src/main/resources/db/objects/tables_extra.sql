CREATE INDEX customers_lower_email ON customers (lower(email));
CREATE INDEX orders_open ON orders (customer_id) WHERE status = 'open';
COMMENT ON TABLE orders IS 'customer orders';
COMMENT ON COLUMN orders.note IS 'free text';
CREATE SEQUENCE invoice_no_seq START 1000;
ALTER TABLE orders ADD CONSTRAINT orders_total_nonneg CHECK (total >= 0);
CREATE STATISTICS orders_cust_status (dependencies) ON customer_id, status FROM orders;

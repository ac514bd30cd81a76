-- What the support team reads: the open orders, and the customers' totals
CREATE VIEW open_orders AS
    SELECT id, customer, total FROM orders WHERE status IN ('open', 'held');

CREATE MATERIALIZED VIEW customer_totals AS
    SELECT customer, sum(total) AS total FROM orders GROUP BY customer;
CREATE UNIQUE INDEX customer_totals_customer ON customer_totals (customer);
COMMENT ON MATERIALIZED VIEW customer_totals IS 'Refreshed nightly';

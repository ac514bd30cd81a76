CREATE VIEW open_orders AS
    SELECT o.id, c.full_name AS name FROM orders o JOIN clients c ON c.id = o.customer_id WHERE o.state = 'open';

CREATE VIEW open_orders AS
    SELECT o.id, c.name FROM orders o JOIN clients c ON c.id = o.customer_id WHERE o.state = 'open';

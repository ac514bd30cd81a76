-- a view over tables the other files make
CREATE VIEW open_orders AS
    SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.state = 'open';

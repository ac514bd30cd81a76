CREATE TABLE customers (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    email varchar(200)
);
COMMENT ON COLUMN customers.email IS 'where receipts go';

CREATE TABLE clients ( -- migrate:renamed-from customers
    id bigint PRIMARY KEY,
    full_name text NOT NULL, -- migrate:renamed-from name
    email varchar(200)
);
COMMENT ON COLUMN clients.email IS 'where receipts go';

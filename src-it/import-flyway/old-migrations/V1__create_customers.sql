CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
COMMENT ON TABLE customers IS 'who buys; kept by ${owner}';

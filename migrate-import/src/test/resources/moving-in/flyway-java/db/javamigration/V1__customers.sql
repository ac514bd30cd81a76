CREATE TABLE customers (id bigint PRIMARY KEY, region text);

--liquibase formatted sql

--changeset bob:orders-1
CREATE TABLE purchase_order (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (id),
    total numeric(12, 2) NOT NULL DEFAULT 0
);
--rollback DROP TABLE purchase_order;

--changeset bob:orders-2
--comment: orders are looked up by customer
CREATE INDEX purchase_order_customer_idx ON purchase_order (customer_id);
--rollback DROP INDEX purchase_order_customer_idx;

--liquibase formatted sql

--changeset frank:sql-1 labels:billing context:!test
CREATE TABLE shipment (id int PRIMARY KEY, order_id bigint REFERENCES orders (id));
CREATE INDEX shipment_order_idx ON shipment (order_id);
--rollback DROP TABLE shipment;

--changeset frank:sql-2 labels:billing
--comment: a column without a way back
ALTER TABLE shipment ADD COLUMN sent_at timestamptz;

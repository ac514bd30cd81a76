--liquibase formatted sql

--changeset bob:5-email
ALTER TABLE customers ADD COLUMN email varchar(320);
CREATE UNIQUE INDEX customers_email ON customers (email);
--rollback DROP INDEX customers_email;
--rollback ALTER TABLE customers DROP COLUMN email;

--changeset bob:6-status
ALTER TABLE orders ADD COLUMN status varchar(20) NOT NULL DEFAULT 'open';
--rollback ALTER TABLE orders DROP COLUMN status;

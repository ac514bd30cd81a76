--liquibase formatted sql

--changeset forms:all-1
CREATE TABLE extra (id int PRIMARY KEY, label text);
--rollback DROP TABLE extra;

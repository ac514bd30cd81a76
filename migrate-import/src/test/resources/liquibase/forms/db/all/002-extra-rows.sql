--liquibase formatted sql

--changeset forms:all-2
INSERT INTO extra (id, label) VALUES (1, 'one');

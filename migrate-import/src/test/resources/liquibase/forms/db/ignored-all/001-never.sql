--liquibase formatted sql

--changeset forms:never-all
CREATE TABLE ignored_three (id int);

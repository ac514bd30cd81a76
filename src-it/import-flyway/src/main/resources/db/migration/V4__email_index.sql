-- flyway:executeInTransaction=false
CREATE UNIQUE INDEX CONCURRENTLY customers_email ON customers (email);

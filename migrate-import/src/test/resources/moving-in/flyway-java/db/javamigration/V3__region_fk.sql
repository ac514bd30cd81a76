ALTER TABLE customers ADD CONSTRAINT customers_region_fk FOREIGN KEY (region) REFERENCES regions (code);

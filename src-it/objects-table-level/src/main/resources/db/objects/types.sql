CREATE TYPE order_state AS ENUM ('open', 'held', 'shipped');
CREATE DOMAIN positive_amount AS numeric(12,2) CONSTRAINT positive_amount_check CHECK (VALUE >= 0);
CREATE DOMAIN country_code AS varchar(2) CONSTRAINT country_code_check CHECK (VALUE ~ '^[A-Z]{2}$');

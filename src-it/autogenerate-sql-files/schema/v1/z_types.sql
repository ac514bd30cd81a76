CREATE TYPE order_state AS ENUM ('open', 'shipped');

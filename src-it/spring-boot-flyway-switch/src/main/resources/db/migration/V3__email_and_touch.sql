ALTER TABLE customers ADD COLUMN email text;
ALTER TABLE customers ADD COLUMN updated_at timestamptz;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now(); -- a semicolon; inside the body
    RETURN NEW;
END;
$$;
CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch();

CREATE FUNCTION gen_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT 'C' || floor(random() * 1000000)::int $$;
CREATE FUNCTION valid_country(c text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT c IS NULL OR c ~ '^[A-Z]{2}$' $$;

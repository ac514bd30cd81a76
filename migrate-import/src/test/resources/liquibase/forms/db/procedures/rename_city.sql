CREATE OR REPLACE PROCEDURE rename_city(city_id int, new_name varchar)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE city SET name = new_name WHERE id = city_id;
END;
$$;

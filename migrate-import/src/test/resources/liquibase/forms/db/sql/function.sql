CREATE FUNCTION city_label(city_id int) RETURNS text LANGUAGE plpgsql AS '
DECLARE
    found text;
BEGIN
    SELECT name INTO found FROM city WHERE id = city_id;
    RETURN coalesce(found, ''none'');
END;
'

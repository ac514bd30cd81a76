-- Built by the Flyway migrations imported into revisions: change it here from now on, and autogenerate writes the revision.
CREATE OR REPLACE FUNCTION public.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now(); -- a semicolon; inside the body
    RETURN NEW;
END;
$function$;

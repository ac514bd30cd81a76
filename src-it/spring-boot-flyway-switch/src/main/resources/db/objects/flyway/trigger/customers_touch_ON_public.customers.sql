-- Built by the Flyway migrations imported into revisions: change it here from now on, and autogenerate writes the revision.
CREATE TRIGGER customers_touch BEFORE UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION touch();

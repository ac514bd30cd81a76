-- Built by the Flyway migrations imported into revisions: change it here from now on, and autogenerate writes the revision.
CREATE OR REPLACE VIEW public.customer_totals AS
 SELECT c.id,
    c.name,
    COALESCE(sum(o.total), (0)::numeric) AS total
   FROM (customers c
     LEFT JOIN orders o ON ((o.customer_id = c.id)))
  GROUP BY c.id, c.name;

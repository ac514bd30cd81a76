package dev.migrate.autogen.write;

import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.execute;
import static dev.migrate.autogen.write.AdoptionConstraintKindsTest.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migration;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.testing.LongSuite;
import dev.migrate.testing.OnEveryMajor;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Adopting a database that holds every kind of object beside tables that the catalog model reads:
 * a new database built from the baseline has the adopted one's objects, their definitions as the
 * server deparses them, their comments and the same dependencies in {@code pg_depend}, object for
 * object. The schema follows the public sample schemas real teams start from (Pagila's domains,
 * {@code last_updated} trigger, views over views, materialized view, aggregate and overloads), with
 * the kinds they lack (policies, range and composite types, event triggers, disabled triggers) added.
 * The round trip of each kind is the test of its reading: {@code read(create(x)) == x}.
 */
@LongSuite
class AdoptionObjectKindsTest {
    private static String legacy(int major) {
        return """
                CREATE COLLATION public.nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
                CREATE COLLATION public.posix_order (locale = 'POSIX');
                COMMENT ON COLLATION public.nocase IS 'Ignores case';
                CREATE DOMAIN public.code_name AS text COLLATE public.posix_order;
                CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
                CREATE DOMAIN public.email AS text COLLATE "C" DEFAULT 'nobody@example.com' NOT NULL
                    CONSTRAINT email_at CHECK (VALUE LIKE '%@%');
                ALTER DOMAIN public.email ADD CONSTRAINT email_short CHECK (length(VALUE) < 300) NOT VALID;
                COMMENT ON DOMAIN public.email IS 'An address';
                CREATE TYPE public.amount AS (currency char(3), value numeric(12,2));
                CREATE TYPE public.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
                CREATE TYPE public.rating AS ENUM ('G', 'PG', 'R');
                CREATE FUNCTION public.next_code() RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT 42';

                CREATE TABLE public.film (
                    film_id serial PRIMARY KEY,
                    title text NOT NULL,
                    release_year public.year,
                    rating public.rating DEFAULT 'G',
                    code integer DEFAULT public.next_code(),
                    contact public.email,
                    price public.amount,
                    span public.floatrange,
                    last_update timestamptz NOT NULL DEFAULT now()
                );
                CREATE TABLE public.actor (actor_id integer PRIMARY KEY, name text NOT NULL,
                    sort_name text COLLATE public.nocase, code public.code_name);

                CREATE FUNCTION public.last_updated() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.last_update = now();
                    RETURN NEW;
                END $$;
                COMMENT ON FUNCTION public.last_updated() IS 'Touches last_update';
                CREATE FUNCTION public.film_count(p_min integer) RETURNS bigint LANGUAGE sql STABLE
                    AS $$ SELECT count(*) FROM public.film WHERE code >= p_min $$;
                CREATE FUNCTION public.film_count(p_title text) RETURNS bigint LANGUAGE sql STABLE
                    AS $$ SELECT count(*) FROM public.film WHERE title = p_title $$;
                CREATE PROCEDURE public.touch_all() LANGUAGE sql AS $$ UPDATE public.film SET last_update = now() $$;
                CREATE FUNCTION public._group_concat(text, text) RETURNS text LANGUAGE sql IMMUTABLE
                    AS $$ SELECT CASE WHEN $2 IS NULL THEN $1 WHEN $1 IS NULL THEN $2 ELSE $1 || ', ' || $2 END $$;
                CREATE AGGREGATE public.group_concat(text) (SFUNC = public._group_concat, STYPE = text);
                CREATE FUNCTION public.note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
                CREATE EVENT TRIGGER note_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE')
                    EXECUTE FUNCTION public.note_ddl();
                ALTER EVENT TRIGGER note_ddl DISABLE;

                CREATE TRIGGER last_updated BEFORE UPDATE ON public.film
                    FOR EACH ROW EXECUTE FUNCTION public.last_updated();
                CREATE CONSTRAINT TRIGGER film_checked AFTER INSERT ON public.film
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.last_updated();
                ALTER TABLE public.film DISABLE TRIGGER film_checked;
                COMMENT ON TRIGGER last_updated ON public.film IS 'Keeps last_update';

                CREATE VIEW public.film_list AS
                    SELECT f.film_id, f.title, f.release_year, public.group_concat(a.name) AS actors
                    FROM public.film f LEFT JOIN public.actor a ON a.actor_id = f.film_id
                    WHERE f.rating <> 'R' GROUP BY f.film_id;
                COMMENT ON VIEW public.film_list IS 'Films with their actors';
                COMMENT ON COLUMN public.film_list.title IS 'As sold';
                CREATE VIEW public.recent_films WITH (security_barrier) AS
                    SELECT film_id, title, release_year FROM public.film_list WHERE release_year > 2000;
                CREATE VIEW public.cheap_films AS SELECT film_id, title, code FROM public.film WHERE code < 100
                    WITH LOCAL CHECK OPTION;
                CREATE TRIGGER cheap_insert INSTEAD OF INSERT ON public.cheap_films
                    FOR EACH ROW EXECUTE FUNCTION public.last_updated();
                CREATE MATERIALIZED VIEW public.film_totals AS
                    SELECT release_year, count(*) AS films FROM public.recent_films GROUP BY release_year;
                CREATE UNIQUE INDEX film_totals_year ON public.film_totals (release_year);
                COMMENT ON MATERIALIZED VIEW public.film_totals IS 'Films per year';

                ALTER TABLE public.film ENABLE ROW LEVEL SECURITY;
                ALTER TABLE public.film FORCE ROW LEVEL SECURITY;
                CREATE POLICY since_1900 ON public.film AS RESTRICTIVE FOR SELECT TO PUBLIC
                    USING (release_year > 1900);
                CREATE POLICY fair_codes ON public.film FOR UPDATE USING (code > 0) WITH CHECK (code < 1000);
                COMMENT ON POLICY fair_codes ON public.film IS 'Codes stay small';
                ALTER TABLE public.actor ENABLE ROW LEVEL SECURITY;

                CREATE RULE actor_keep AS ON DELETE TO public.actor DO INSTEAD NOTHING;
                COMMENT ON RULE actor_keep ON public.actor IS 'Actors stay';
                CREATE STATISTICS public.film_codes (dependencies) ON release_year, code FROM public.film;
                DO $$BEGIN CREATE ROLE adopt_reader NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$;
                DO $$BEGIN CREATE ROLE adopt_writer NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END$$;
                GRANT SELECT ON public.film_list TO adopt_reader;
                GRANT SELECT (title), UPDATE (title) ON public.film TO adopt_reader;
                GRANT SELECT, UPDATE ON public.actor TO adopt_writer WITH GRANT OPTION;
                GRANT SELECT ON public.actor TO PUBLIC;
                REVOKE EXECUTE ON FUNCTION public.next_code() FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION public.next_code() TO adopt_reader;
                GRANT USAGE ON TYPE public.amount TO adopt_writer;
                GRANT USAGE ON SCHEMA public TO adopt_reader;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO adopt_reader;
                ALTER DEFAULT PRIVILEGES FOR ROLE adopt_writer IN SCHEMA public GRANT USAGE ON SEQUENCES TO adopt_reader WITH GRANT OPTION;
                """ + (major >= 14 ? """
                        CREATE FUNCTION public.actor_count() RETURNS bigint LANGUAGE sql STABLE
                        BEGIN ATOMIC
                            SELECT count(*) FROM public.actor;
                        END;
                        """ : "");
    }

    @OnEveryMajor
    void aNewDatabaseBuiltFromTheBaselineHasTheAdoptedObjectsAndTheirDependencies(int major) throws Exception {
        try (Connection legacy = TestPostgres.freshDatabase(major, "adopt_objects_legacy")
                        .getConnection();
                Connection fresh =
                        TestPostgres.freshDatabase(major, "adopt_objects_fresh").getConnection()) {
            execute(legacy, legacy(major));
            MigrationScript script = Adoption.baseline(legacy);
            assertThat(script.warnings()).noneMatch(w -> w.contains("Not written here"));
            // the event trigger is database-wide: the fresh database gets it from the baseline only
            execute(fresh, "SELECT 1");

            Adoption.Written written =
                    Adoption.written(script, "20261125_101500", Instant.parse("2026-11-25T10:15:00Z"));
            assertThat(written.file().toString())
                    .contains("op.createObject(ObjectKind.VIEW, \"film_list\"")
                    .contains("op.createObject(ObjectKind.DOMAIN, \"year\"")
                    // what the range type makes for itself is the type's
                    .doesNotContain("FUNCTION public.floatrange(")
                    .doesNotContain("FUNCTION public.floatmultirange(");
            Migration compiled = written.migration();
            compiled.upgrade(GeneratedMigrations.online(fresh));

            assertThat(objectsText(fresh)).isEqualTo(objectsText(legacy));
            assertThat(AdoptionConstraintKindsTest.catalogText(fresh))
                    .isEqualTo(AdoptionConstraintKindsTest.catalogText(legacy));
            List<String> adopted = objectsText(fresh);
            assertThat(adopted)
                    .anyMatch(l -> l.startsWith("function film_count(integer) CREATE OR REPLACE FUNCTION"))
                    .anyMatch(l -> l.startsWith("function film_count(text) CREATE OR REPLACE FUNCTION"))
                    .contains(
                            "rule _RETURN on view recent_films -> column title of view film_list",
                            "rule _RETURN on materialized view film_totals -> column release_year of view recent_films",
                            "trigger last_updated on table film -> function last_updated()",
                            "trigger cheap_insert on view cheap_films -> function last_updated()",
                            "column release_year of table film -> type year",
                            "event trigger note_ddl D ddl_command_end {\"CREATE TABLE\"} note_ddl",
                            "policy since_1900 on table film -> column release_year of table film",
                            "row security film true true",
                            "row security actor true false",
                            "comment view film_list Films with their actors",
                            "comment column title of view film_list As sold",
                            "comment policy fair_codes on table film Codes stay small",
                            "comment rule actor_keep on table actor Actors stay",
                            "statistics CREATE STATISTICS public.film_codes (dependencies) ON release_year, code FROM film",
                            "column sort_name of table actor -> collation nocase",
                            "type code_name -> collation posix_order",
                            "comment collation nocase Ignores case")
                    .anyMatch(l -> l.startsWith("collation nocase i false ") && l.contains("und-u-ks-level2"))
                    .anyMatch(l -> l.startsWith("collation posix_order c true POSIX POSIX"))
                    .anyMatch(l -> l.startsWith("acl film_list {") && l.contains("adopt_reader=r/"))
                    .anyMatch(l -> l.startsWith("acl film.title {adopt_reader=rw/"))
                    .anyMatch(l -> l.startsWith("acl actor {=r/"))
                    .anyMatch(l -> l.startsWith("acl default ") && l.contains(" r {adopt_reader=r/"))
                    .contains("acl default adopt_writer S {adopt_reader=U*/adopt_writer}")
                    .anyMatch(l -> l.startsWith("acl next_code() {") && !l.contains("{=X/") && !l.contains(",=X/"))
                    .anyMatch(l -> l.startsWith("rule CREATE RULE actor_keep AS"));

            compiled.downgrade(GeneratedMigrations.online(fresh));
            assertThat(objectsText(fresh)).isEmpty();
        }
    }

    /**
     * The objects beside tables as the catalog holds them, read without the code under test: each
     * definition as the server deparses it, every comment, every dependency between user objects by
     * {@code pg_describe_object}, trigger and event trigger states, policies and row security.
     */
    static List<String> objectsText(Connection c) throws SQLException {
        List<String> lines = new ArrayList<>();
        query(c, lines, """
                SELECT 'view ' || c.relname || ' ' || c.relkind::text || ' ' || coalesce(c.reloptions::text, '') || ' '
                       || pg_get_viewdef(c.oid)
                FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY 1""");
        query(c, lines, """
                SELECT 'function ' || p.oid::regprocedure::text || ' '
                       || CASE WHEN p.prokind = 'a' THEN p.prokind::text ELSE pg_get_functiondef(p.oid) END
                FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1""");
        query(c, lines, """
                SELECT 'aggregate ' || a.aggfnoid::regprocedure || ' ' || a.aggtransfn::regproc || ' '
                       || format_type(a.aggtranstype, NULL)
                FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
                WHERE p.pronamespace = 'public'::regnamespace ORDER BY 1""");
        query(c, lines, """
                SELECT 'trigger ' || t.tgname || ' ' || t.tgenabled::text || ' ' || pg_get_triggerdef(t.oid)
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal ORDER BY 1""");
        query(c, lines, """
                SELECT 'event trigger ' || evtname || ' ' || evtenabled::text || ' ' || evtevent || ' '
                       || coalesce(evttags::text, '') || ' ' || evtfoid::regproc FROM pg_event_trigger ORDER BY 1""");
        query(c, lines, """
                SELECT 'policy ' || pg_describe_object('pg_policy'::regclass, p.oid, 0) || ' '
                       || CASE WHEN p.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END || ' ' || p.polcmd::text || ' '
                       || array(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END
                                FROM unnest(p.polroles) r)::text || ' '
                       || coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '
                       || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), '')
                FROM pg_policy p ORDER BY 1""");
        query(c, lines, """
                SELECT 'row security ' || relname || ' ' || relrowsecurity::text || ' ' || relforcerowsecurity::text FROM pg_class
                WHERE relnamespace = 'public'::regnamespace AND (relrowsecurity OR relforcerowsecurity) ORDER BY 1""");
        query(c, lines, """
                SELECT 'type ' || t.typname || ' ' || t.typtype::text || ' ' || format_type(t.typbasetype, t.typtypmod) || ' '
                       || t.typnotnull::text || ' ' || coalesce(t.typdefault, '') || ' ' || t.typcollation::regcollation::text
                       || ' ' || coalesce((SELECT string_agg(k.conname || ' ' || pg_get_constraintdef(k.oid) || ' '
                                                             || k.convalidated::text, '; ' ORDER BY k.conname)
                                           FROM pg_constraint k WHERE k.contypid = t.oid), '')
                       || ' ' || coalesce((SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod),
                                                             ', ' ORDER BY a.attnum)
                                           FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0), '')
                       || ' ' || coalesce((SELECT r.rngsubtype::regtype || ' ' || r.rngsubdiff::regproc
                                           FROM pg_range r WHERE r.rngtypid = t.oid), '')
                FROM pg_type t LEFT JOIN pg_class tc ON tc.oid = t.typrelid
                WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('d', 'c', 'r')
                  AND (tc.relkind IS NULL OR tc.relkind = 'c') ORDER BY 1""");
        query(c, lines, """
                SELECT 'rule ' || pg_get_ruledef(r.oid) || ' ' || r.ev_enabled::text FROM pg_rewrite r
                JOIN pg_class c ON c.oid = r.ev_class
                WHERE c.relnamespace = 'public'::regnamespace AND r.rulename <> '_RETURN' ORDER BY 1""");
        // the ICU locale left collcollate in 15 and was renamed in 17: the row as JSON holds it on every major
        query(c, lines, """
                SELECT 'collation ' || co.collname || ' ' || co.collprovider::text || ' ' || co.collisdeterministic::text || ' '
                       || coalesce(co.collcollate, '') || ' ' || coalesce(co.collctype, '') || ' '
                       || (to_jsonb(co) - 'oid' - 'collnamespace' - 'collversion' - 'collowner')::text
                FROM pg_collation co WHERE co.collnamespace = 'public'::regnamespace ORDER BY 1""");
        query(c, lines, """
                SELECT 'statistics ' || pg_get_statisticsobjdef(x.oid) FROM pg_statistic_ext x
                WHERE x.stxnamespace = 'public'::regnamespace ORDER BY 1""");
        query(c, lines, """
                SELECT 'acl ' || o.what || ' ' || array(SELECT x::text FROM unnest(o.acl) x ORDER BY 1)::text FROM (
                    SELECT c.relname AS what, c.relacl AS acl FROM pg_class c
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relacl IS NOT NULL
                    UNION ALL SELECT c.relname || '.' || a.attname, a.attacl FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    WHERE c.relnamespace = 'public'::regnamespace AND a.attacl IS NOT NULL
                    UNION ALL SELECT p.oid::regprocedure::text, p.proacl FROM pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proacl IS NOT NULL
                    UNION ALL SELECT t.typname, t.typacl FROM pg_type t
                    WHERE t.typnamespace = 'public'::regnamespace AND t.typacl IS NOT NULL
                    UNION ALL SELECT 'default ' || pg_get_userbyid(d.defaclrole) || ' ' || d.defaclobjtype::text, d.defaclacl
                    FROM pg_default_acl d WHERE d.defaclnamespace = 'public'::regnamespace
                    UNION ALL SELECT 'schema ' || n.nspname, n.nspacl FROM pg_namespace n WHERE n.nspname = 'public'
                    AND n.nspacl IS DISTINCT FROM (SELECT i.initprivs FROM pg_init_privs i
                                                   WHERE i.classoid = 'pg_namespace'::regclass AND i.objoid = n.oid)) o
                ORDER BY 1""");
        query(c, lines, """
                SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                  AND tablename IN (SELECT matviewname FROM pg_matviews) ORDER BY 1""");
        query(c, lines, """
                SELECT 'comment ' || pg_describe_object(d.classoid, d.objoid, d.objsubid) || ' ' || d.description
                FROM pg_description d WHERE d.objoid >= 16384
                  AND d.classoid <> 'pg_class'::regclass OR d.objoid IN (
                      SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('v', 'm'))
                ORDER BY 1""");
        query(c, lines, """
                SELECT DISTINCT pg_describe_object(d.classid, d.objid, d.objsubid) || ' -> '
                       || pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid)
                FROM pg_depend d
                WHERE d.deptype = 'n' AND d.objid >= 16384 AND d.refobjid >= 16384
                  AND d.classid <> 'pg_constraint'::regclass
                  AND pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid) NOT LIKE '%migrate\\_%'
                ORDER BY 1""");
        return lines;
    }
}

package dev.migrate.op;

/**
 * A kind of schema object that PostgreSQL keeps as one definition, beside tables: what {@link
 * ObjectDefinition} holds and {@code op.createObject}, {@code op.replaceObject} and {@code
 * op.dropObject} change.
 */
public enum ObjectKind {
    EXTENSION("EXTENSION"),
    DOMAIN("DOMAIN"),
    /** A composite or range type (enum types have operations of their own). */
    TYPE("TYPE"),
    FUNCTION("FUNCTION"),
    PROCEDURE("PROCEDURE"),
    AGGREGATE("AGGREGATE"),
    VIEW("VIEW"),
    MATERIALIZED_VIEW("MATERIALIZED VIEW"),
    TRIGGER("TRIGGER"),
    EVENT_TRIGGER("EVENT TRIGGER"),
    POLICY("POLICY"),
    RULE("RULE"),
    STATISTICS("STATISTICS"),
    COLLATION("COLLATION"),
    /**
     * A table's row-level security switched on ({@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY}, and
     * {@code FORCE}), named by its table; dropping it switches both off.
     */
    ROW_LEVEL_SECURITY("ROW LEVEL SECURITY", "ALTER TABLE %s NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY"),
    /**
     * Privileges on an object for one grantee, named as {@code GRANT} and {@code REVOKE} name them: {@code
     * ON TABLE public.orders TO reporting}, {@code (total) ON TABLE public.orders TO reporting} for columns;
     * dropping it revokes them all. {@code ON FUNCTION public.f() FROM PUBLIC} is the default {@code
     * EXECUTE} (or {@code USAGE} on a type) taken from {@code PUBLIC}; dropping it gives it back.
     */
    GRANT("GRANT") {
        @Override
        public String dropStatement(String identity) {
            if (identity.endsWith(" FROM PUBLIC")) {
                return "GRANT ALL " + identity.substring(0, identity.length() - " FROM PUBLIC".length()) + " TO PUBLIC";
            }
            int to = identity.lastIndexOf(" TO ");
            return "REVOKE ALL " + identity.substring(0, to) + " FROM " + identity.substring(to + " TO ".length());
        }
    },
    /**
     * The privileges a role's future objects of a kind get in a schema, for one grantee ({@code ALTER DEFAULT
     * PRIVILEGES}), named {@code FOR ROLE app IN SCHEMA public ON TABLES TO reporting}; dropping it revokes
     * them all.
     */
    DEFAULT_PRIVILEGES("DEFAULT PRIVILEGES") {
        @Override
        public String dropStatement(String identity) {
            int on = identity.indexOf(" ON ");
            int to = identity.lastIndexOf(" TO ");
            return "ALTER DEFAULT PRIVILEGES " + identity.substring(0, on) + " REVOKE ALL" + identity.substring(on, to)
                    + " FROM " + identity.substring(to + " TO ".length());
        }
    };

    private final String keyword;
    private final String dropFormat;

    ObjectKind(String keyword) {
        this(keyword, "DROP " + keyword + " %s");
    }

    ObjectKind(String keyword, String dropFormat) {
        this.keyword = keyword;
        this.dropFormat = dropFormat;
    }

    /** The words that name the kind in SQL: {@code MATERIALIZED VIEW}. */
    public String keyword() {
        return keyword;
    }

    /** The kind as a person says it: {@code materialized view}. */
    public String title() {
        return keyword.toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code DROP MATERIALIZED VIEW public.totals}: the statement that drops the object so named. */
    public String dropStatement(String identity) {
        return dropFormat.formatted(identity);
    }
}

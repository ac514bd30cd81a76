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
     * An index a partition has of its own ({@code CREATE INDEX ... ON orders_2024_01}), not one its
     * parent's index made on it, named as {@code DROP INDEX} names it: {@code public.orders_2024_01_customer}.
     */
    PARTITION_INDEX("INDEX"),
    /**
     * A constraint a partition has of its own (added on the partition, not inherited from its parent),
     * named {@code orders_2024_01_customer_fk ON public.orders_2024_01}; dropping it is {@code ALTER TABLE
     * ... DROP CONSTRAINT}.
     */
    PARTITION_CONSTRAINT("CONSTRAINT") {
        @Override
        public String dropStatement(String identity) {
            int on = endOfIdentifier(identity);
            return "ALTER TABLE " + identity.substring(on + " ON ".length()) + " DROP CONSTRAINT "
                    + identity.substring(0, on);
        }
    },
    /**
     * A table's row-level security switched on ({@code ALTER TABLE ... ENABLE ROW LEVEL SECURITY}, and
     * {@code FORCE}), named by its table; dropping it switches both off.
     */
    ROW_LEVEL_SECURITY("ROW LEVEL SECURITY", "ALTER TABLE %s NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY"),
    /**
     * The statistics options a person sets on a column ({@code ALTER TABLE ... ALTER COLUMN ... SET (n_distinct =
     * 100)}, and {@code n_distinct_inherited}), named {@code customer ON public.orders}; dropping them resets both.
     */
    COLUMN_OPTIONS("COLUMN OPTIONS") {
        @Override
        public String dropStatement(String identity) {
            int on = endOfIdentifier(identity);
            return "ALTER TABLE " + identity.substring(on + " ON ".length()) + " ALTER COLUMN "
                    + identity.substring(0, on) + " RESET (n_distinct, n_distinct_inherited)";
        }
    },
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

    /**
     * Where the identifier that starts {@code text} ends: after its closing quote when quoted (a quote
     * inside is doubled), else at the first space, so a name holding {@code " ON "} is read whole.
     */
    static int endOfIdentifier(String text) {
        if (!text.startsWith("\"")) {
            int space = text.indexOf(' ');
            return space < 0 ? text.length() : space;
        }
        int i = 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }

    /** {@code DROP MATERIALIZED VIEW public.totals}: the statement that drops the object so named. */
    public String dropStatement(String identity) {
        return dropFormat.formatted(identity);
    }
}

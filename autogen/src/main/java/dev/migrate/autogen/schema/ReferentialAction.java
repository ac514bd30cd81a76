package dev.migrate.autogen.schema;

/** What a foreign key does when the referenced row is deleted or its key updated. */
public enum ReferentialAction {
    NO_ACTION("NO ACTION"),
    RESTRICT("RESTRICT"),
    CASCADE("CASCADE"),
    SET_NULL("SET NULL"),
    SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The words as written in DDL, e.g. {@code SET NULL}. */
    public String sql() {
        return sql;
    }

    /** The action for a {@code pg_constraint.confdeltype} / {@code confupdtype} code. */
    public static ReferentialAction fromCatalogCode(char code) {
        return switch (code) {
            case 'a' -> NO_ACTION;
            case 'r' -> RESTRICT;
            case 'c' -> CASCADE;
            case 'n' -> SET_NULL;
            case 'd' -> SET_DEFAULT;
            default -> throw new IllegalArgumentException("Unknown foreign key action code '" + code + "' in pg_constraint.");
        };
    }
}

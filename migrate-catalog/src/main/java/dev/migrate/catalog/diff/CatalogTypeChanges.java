package dev.migrate.catalog.diff;

import dev.migrate.MigrateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link TypeChanges} answered from {@code pg_cast} and {@code pg_type} of the comparison server,
 * so extensions' and user-defined types are judged as that server judges them.
 */
public final class CatalogTypeChanges implements TypeChanges {
    /**
     * One row for a pair of types: whether an assignment cast exists (the same type, a cast marked
     * 'a' or 'i', or a conversion to a string type, which PostgreSQL does by assignment through
     * text), and whether that cast is binary coercible.
     */
    private static final String CAST = """
            SELECT s.oid = t.oid
                       OR t.typcategory = 'S'
                       OR EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = s.oid AND c.casttarget = t.oid
                                  AND c.castcontext IN ('a', 'i')) AS assignable,
                   EXISTS (SELECT 1 FROM pg_cast c WHERE c.castsource = s.oid AND c.casttarget = t.oid
                           AND c.castmethod = 'b') AS binary_coercible
            FROM pg_type s, pg_type t
            WHERE s.oid = to_regtype(?) AND t.oid = to_regtype(?)
            """;

    private final Connection connection;
    private final Map<List<String>, boolean[]> answers = new HashMap<>();

    public CatalogTypeChanges(Connection connection) {
        this.connection = connection;
    }

    @Override
    public boolean needsUsing(String from, String to) {
        return !ask(from, to)[0];
    }

    @Override
    public boolean rewrites(String from, String to) {
        if (from.equals(to) || TypeChanges.widensModifier(from, to)) {
            return false;
        }
        // a binary-coercible cast to a type without a modifier (varchar to text) keeps the stored bytes
        return !(ask(from, to)[1] && TypeChanges.baseName(to).equals(to));
    }

    private boolean[] ask(String from, String to) {
        return answers.computeIfAbsent(List.of(from, to), pair -> {
            try (PreparedStatement s = connection.prepareStatement(CAST)) {
                s.setString(1, from);
                s.setString(2, to);
                try (ResultSet rs = s.executeQuery()) {
                    // an unknown type: be cautious
                    return rs.next()
                            ? new boolean[] {rs.getBoolean(1), rs.getBoolean(2)}
                            : new boolean[] {false, false};
                }
            } catch (SQLException e) {
                throw new MigrateException(
                        "Could not ask the server how it casts " + from + " to " + to + ": " + e.getMessage(), e);
            }
        });
    }
}

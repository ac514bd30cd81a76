package dev.migrate.catalog.read;

import dev.migrate.catalog.ObjectId;
import dev.migrate.catalog.SchemaObject;
import dev.migrate.op.ObjectKind;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@code PUBLIC} is granted on schemas other than {@code public} ({@code GRANT USAGE ON SCHEMA sales TO
 * PUBLIC}), as grants: such a schema gives {@code PUBLIC} nothing when it is made, so whatever it holds was
 * granted. The grants the object kinds read leave {@code PUBLIC} on a schema out, since what it holds on
 * {@code public} differs by version; a baseline that creates another schema carries these with it. One query.
 */
public final class PublicSchemaGrants {
    private static final String QUERY = """
            SELECT format('ON SCHEMA %I TO PUBLIC', n.nspname),
                   format('GRANT %s ON SCHEMA %I TO PUBLIC;', string_agg(e.privilege_type, ', ' ORDER BY e.privilege_type),
                          n.nspname)
            FROM pg_namespace n CROSS JOIN LATERAL aclexplode(n.nspacl) e
            WHERE n.nspname = ANY (?::text[]) AND n.nspname <> 'public' AND e.grantee = 0
            GROUP BY n.nspname
            ORDER BY n.nspname
            """;

    private PublicSchemaGrants() {}

    /** The grants to {@code PUBLIC} on {@code schemas} ({@code public} apart) on {@code c}; nothing is written. */
    public static List<SchemaObject> on(Connection c, List<String> schemas) throws SQLException {
        List<SchemaObject> grants = new ArrayList<>();
        if (schemas.isEmpty()) {
            return grants;
        }
        Array names = c.createArrayOf("text", schemas.toArray());
        try (PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setArray(1, names);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    grants.add(new SchemaObject(
                            new ObjectId(ObjectKind.GRANT, rs.getString(1)),
                            rs.getString(2),
                            Set.of(),
                            Set.of(),
                            false));
                }
            }
        } finally {
            names.free();
        }
        return grants;
    }
}

package db.rows;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** What the application stored, kept here so the build can write it between two steps: two embedded documents. */
@Revision(id = "rows1", message = "documents stored by the application")
public class V1_Documents implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("INSERT INTO vector_store (id, content, embedding) VALUES "
                + "('00000000-0000-0000-0000-000000000001', 'PostgreSQL', '[0.1,0.2,0.3]'), "
                + "('00000000-0000-0000-0000-000000000002', 'pgvector', '[0.3,0.2,0.1]')");
        op.execute("INSERT INTO place (id, name, location) VALUES (1, 'Berlin', 'SRID=4326;POINT(13.4 52.5)')");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DELETE FROM vector_store");
        op.execute("DELETE FROM place");
    }
}

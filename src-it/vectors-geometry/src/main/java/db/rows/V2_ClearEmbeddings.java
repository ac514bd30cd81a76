package db.rows;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The fix the dimension guard names: the old embeddings set to NULL, to be computed again with the new model. */
@Revision(id = "rows2", revises = "rows1", message = "embeddings of the old model cleared")
public class V2_ClearEmbeddings implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("UPDATE vector_store SET embedding = NULL");
    }

    @Override public void downgrade(Operations op) {
        throw new UnsupportedOperationException("the old embeddings are gone");
    }
}

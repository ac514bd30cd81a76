package db.edits2;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** Another edit by hand, this one to keep: the chain accepts it. */
@Revision(id = "edit2", message = "another edit by hand")
public class V1_AnotherEdit implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE customers ADD COLUMN vip boolean NOT NULL DEFAULT false");
    }

    @Override public void downgrade(Operations op) {
        throw new UnsupportedOperationException("an edit by hand has no way back");
    }
}

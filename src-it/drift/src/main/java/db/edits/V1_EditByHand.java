package db.edits;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** What someone typed into psql on the database, kept here so the build can play it between two drift runs. */
@Revision(id = "edit1", message = "edits by hand")
public class V1_EditByHand implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE customers ADD COLUMN nickname text");
        op.execute("DROP INDEX ix_customers_country");
        op.execute("CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
    }

    @Override public void downgrade(Operations op) {
        throw new UnsupportedOperationException("an edit by hand has no way back");
    }
}

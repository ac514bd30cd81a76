package db.edits;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** What someone typed into psql on the live database, kept here so the build can play it between two goals. */
@Revision(id = "edit1", message = "rows edited by hand")
public class V1_EditRowsByHand implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("UPDATE plans SET price = 12, label = 'Pro, yearly' WHERE tier = 'pro'");
        op.execute("INSERT INTO plans (tier, price, label) VALUES ('gold', 99, 'Gold')");
        op.execute("DELETE FROM plans WHERE tier = 'team'");
    }

    @Override public void downgrade(Operations op) {
        throw new UnsupportedOperationException("an edit by hand has no way back");
    }
}

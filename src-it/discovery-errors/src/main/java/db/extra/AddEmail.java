package db.extra;

import dev.migrate.Migration;
import dev.migrate.Operations;

/** Its author forgot @Revision: a run must refuse rather than skip it. */
public class AddEmail implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE accounts ADD COLUMN email text");
    }

    @Override public void downgrade(Operations op) {
        op.execute("ALTER TABLE accounts DROP COLUMN email");
    }
}

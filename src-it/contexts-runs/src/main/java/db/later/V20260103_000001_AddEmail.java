package db.later;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The next revision that runs everywhere, on the same parent as the test one: in a package of its own (the runs given -Dmigrate.packages=db have both), so that
 * the first runs do not have it yet. */
@Revision(id = "20260103_000001", revises = "20260102_000001", message = "add email")
public class V20260103_000001_AddEmail implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.addColumn("agents", column("email", "varchar(200)"));
    }

    @Override
    public void downgrade(Operations op) {
        op.dropColumn("agents", "email");
    }
}

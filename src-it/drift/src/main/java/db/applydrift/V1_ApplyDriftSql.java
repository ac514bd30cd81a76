package db.applydrift;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the SQL migrate:drift wrote, as a reviewer would once satisfied with it. */
@Revision(id = "apply1", message = "apply the drift's SQL")
public class V1_ApplyDriftSql implements Migration {
    @Override public void upgrade(Operations op) {
        Path script = Path.of(System.getProperty("user.dir"), "target", "drift.sql");
        try {
            op.execute(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void downgrade(Operations op) {
        throw new UnsupportedOperationException("no way back");
    }
}

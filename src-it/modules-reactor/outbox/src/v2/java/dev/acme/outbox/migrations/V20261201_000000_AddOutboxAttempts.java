package dev.acme.outbox.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

/** The library's second release: one more revision, applied by the applications' next upgrade. */
@Revision(id = "20261201_000000", revises = "20261101_000000", message = "count delivery attempts")
public class V20261201_000000_AddOutboxAttempts implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("ALTER TABLE outbox_message ADD COLUMN attempts int NOT NULL DEFAULT 0");
    }

    @Override public void downgrade(Operations op) {
        op.execute("ALTER TABLE outbox_message DROP COLUMN attempts");
    }
}

package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000004", revises = {"20260101_000002", "20260101_000003"}, message = "merge email and phone")
public class V20260101_000004_MergeEmailAndPhone implements Migration {
    @Override public void upgrade(Operations op) {

    }

    @Override public void downgrade(Operations op) {

    }
}

package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

import java.sql.PreparedStatement;

/** The merge, with a data step by JDBC. */
@Revision(id = "20260101_000005", revises = {"20260101_000003", "20260101_000004"}, message = "join branches")
public class V20260101_000005_JoinBranches implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO customers (name, plan_code) VALUES (?, ?)")) {
                s.setString(1, "first customer");
                s.setString(2, "pro");
                s.executeUpdate();
            }
        });
    }

    @Override
    public void downgrade(Operations op) {
        op.execute("DELETE FROM customers WHERE name = 'first customer'");
    }
}

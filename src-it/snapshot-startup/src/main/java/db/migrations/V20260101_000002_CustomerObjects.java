package db.migrations;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000002", revises = "20260101_000001", message = "a view and a trigger")
public class V20260101_000002_CustomerObjects implements Migration {
    @Override public void upgrade(Operations op) {
        op.execute("CREATE VIEW german_customers AS SELECT id, country FROM customers WHERE country = 'DE'");
        op.execute("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "NEW.updated_at := now(); RETURN NEW; END $$");
        op.execute("CREATE TRIGGER customers_touch BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION touch()");
    }

    @Override public void downgrade(Operations op) {
        op.execute("DROP TRIGGER customers_touch ON customers");
        op.execute("DROP FUNCTION touch()");
        op.execute("DROP VIEW german_customers");
    }
}

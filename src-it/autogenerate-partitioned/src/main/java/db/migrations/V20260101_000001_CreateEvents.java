package db.migrations;

import static dev.migrate.Ddl.*;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;

@Revision(id = "20260101_000001", message = "create partitioned events")
public class V20260101_000001_CreateEvents implements Migration {
    @Override
    public void upgrade(Operations op) {
        op.createTable("device", column("id", "uuid").primaryKey(), column("name", "varchar(255)"));
        op.execute("CREATE TABLE events (id bigint NOT NULL, created_time bigint NOT NULL, device_id uuid,"
                + " body varchar(255), PRIMARY KEY (id, created_time)) PARTITION BY RANGE (created_time)");
        op.execute("CREATE TABLE events_2026_01 PARTITION OF events FOR VALUES FROM (0) TO (1000)");
        op.execute("CREATE TABLE events_2026_02 PARTITION OF events FOR VALUES FROM (1000) TO (2000)");
        op.execute("CREATE TABLE events_default PARTITION OF events DEFAULT");
        op.execute("CREATE INDEX idx_events_device ON events (device_id, created_time DESC)");
        op.execute("CREATE TABLE alarm_comment (id uuid NOT NULL, created_time bigint NOT NULL,"
                + " comment varchar(10000)) PARTITION BY LIST (created_time)");
        op.createPartition("alarm_comment_0", "alarm_comment", "FOR VALUES IN (0)", "HASH (id)");
        op.createPartition("alarm_comment_0_a", "alarm_comment_0", "FOR VALUES WITH (MODULUS 2, REMAINDER 0)");
        op.createPartition("alarm_comment_0_b", "alarm_comment_0", "FOR VALUES WITH (MODULUS 2, REMAINDER 1)");
        op.createPartition("alarm_comment_other", "alarm_comment", "DEFAULT");
    }

    @Override
    public void downgrade(Operations op) {
        op.dropTable("alarm_comment");
        op.dropTable("events");
        op.dropTable("device");
    }
}

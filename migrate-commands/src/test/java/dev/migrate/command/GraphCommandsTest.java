package dev.migrate.command;

import static dev.migrate.Ddl.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.graph.RevisionTarget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link HeadsCommand} and {@link ShowCommand} through a face, without a database, and its refusal of a graph without migrations. */
class GraphCommandsTest {
    @Revision(id = "g1", message = "create orders")
    public static class CreateOrders implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.createTable("orders", column("id", "bigint").primaryKey());
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("orders");
        }
    }

    @Revision(id = "g2", revises = "g1", message = "add total")
    public static class AddTotal implements Migration {
        @Override
        public void upgrade(Operations op) {
            op.addColumn("orders", column("total", "numeric(10,2)"));
        }

        @Override
        public void downgrade(Operations op) {
            op.dropColumn("orders", "total");
        }
    }

    private final List<String> lines = new ArrayList<>();

    @Test
    void headsAndShowPrintTheGraphWithoutADatabase() {
        Migrator migrator = Migrations.requireFound(Migrator.builder()
                .migrations(CreateOrders.class, AddTotal.class)
                .build());

        new HeadsCommand(false, null).run(migrator, face());
        assertThat(lines).anyMatch(line -> line.startsWith("g2")).noneMatch(line -> line.startsWith("g1"));

        lines.clear();
        new ShowCommand(RevisionTarget.of("g1")).run(migrator, face());
        assertThat(String.join("\n", lines)).contains("g1", "create orders");
    }

    @Test
    void aGraphWithoutMigrationsIsRefusedNamingWhereItLooked() {
        Migrator none =
                Migrator.builder().packages("dev.migrate.command.nosuchpackage").build();

        assertThatThrownBy(() -> Migrations.requireFound(none))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("dev.migrate.command.nosuchpackage");
    }

    private CommandContext face() {
        return TestContext.over(new RecordingOutput(lines), () -> {
            throw new AssertionError("the graph commands are given their migrator");
        });
    }
}

package dev.migrate.op;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.testing.LongSuite;
import dev.migrate.testing.TestPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of op, executed on PostgreSQL: it changes the catalog, its reverse puts the catalog back
 * exactly, and running it again (upgrade, downgrade, upgrade) gives the same catalog as the first time.
 */
@LongSuite
class OpRoundTripTest {
    private static Connection connection;
    private static Catalog catalog;
    private static ExecutingOperations ops;

    @BeforeAll
    static void connect() throws Exception {
        connection = TestPostgres.freshDatabase("op_round_trip").getConnection();
        catalog = new Catalog(connection);
        ops = new ExecutingOperations(connection);
    }

    @AfterAll
    static void close() throws Exception {
        connection.close();
    }

    @BeforeEach
    void fixture() {
        catalog.reset();
        OpSamples.FIXTURE.forEach(catalog::execute);
    }

    static Stream<Arguments> samples() {
        return OpSamples.all().entrySet().stream()
                .filter(e -> !OpSamples.ON_CITUS.contains(e.getKey()))
                .map(e -> Arguments.of(e.getKey().getSimpleName(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void executesAndReverses(String kind, Op op) {
        List<String> before = snapshot(op);

        ops.execute(op);
        List<String> after = snapshot(op);

        if (op instanceof DataOp.BulkInsert) {
            assertThat(catalog.column("select id || ':' || label from app.scratch order by id"))
                    .containsExactly("1:one", "2:two");
            assertThat(after).isEqualTo(before);
        } else if (op instanceof SqlOp.RequireNoRows || op instanceof SqlOp.Guard) {
            assertThat(after).as("a guard that finds no row changes nothing").isEqualTo(before);
        } else if (OpSamples.LEAVING_THE_CATALOG.contains(op.getClass())) {
            assertThat(after).as(kind + " changes nothing the snapshot reads").isEqualTo(before);
        } else {
            assertThat(after).as("catalog after " + kind).isNotEqualTo(before);
        }

        if (OpSamples.WITHOUT_REVERSE.contains(op.getClass())) {
            assertThat(op.reverse()).as(kind + " has no reverse").isEmpty();
            return;
        }
        Op reverse = op.reverse().orElseThrow(() -> new AssertionError(kind + " sample should have a reverse"));
        ops.execute(reverse);
        assertThat(snapshot(op)).as("catalog after reversing " + kind).isEqualTo(before);

        ops.execute(op);
        assertThat(snapshot(op)).as("catalog after applying " + kind + " again").isEqualTo(after);
    }

    /** The catalog, and for an op that writes rows ({@link OpSamples#rowsOf}) the rows of its table too. */
    private List<String> snapshot(Op op) {
        List<String> snapshot = new java.util.ArrayList<>(catalog.snapshot());
        OpSamples.rowsOf(op)
                .ifPresent(table -> snapshot.addAll(catalog.column("select t::text from " + table + " t order by 1")));
        return snapshot;
    }

    @Test
    void everyKindOfOpHasASample() {
        Set<String> kinds =
                OpKinds.leaves().map(Class::getSimpleName).collect(Collectors.toCollection(java.util.TreeSet::new));
        Map<Class<? extends Op>, Op> samples = OpSamples.all();
        Set<String> sampled = samples.keySet().stream()
                .map(Class::getSimpleName)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(sampled).as("op kinds with a sample in OpSamples").isEqualTo(kinds);
        assertThat(kinds).hasSize(62);
    }

    @Test
    void everyKindOfOpIsRendered() {
        // The visitor has a method per kind; a kind the dialect forgot would throw or render nothing.
        dev.migrate.internal.sql.PostgresDialect dialect = new dev.migrate.internal.sql.PostgresDialect();
        OpSamples.all()
                .values()
                .forEach(op -> assertThat(dialect.render(op)).as(op.toString()).isNotEmpty());
    }
}

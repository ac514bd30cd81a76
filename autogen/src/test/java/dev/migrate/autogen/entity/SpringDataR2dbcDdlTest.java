package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.autogen.entity.springdata.reactive.Probe;
import dev.migrate.autogen.entity.springdata.reactive.Reading;
import dev.migrate.testing.TestPostgres;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.codec.Json;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;

/**
 * The DDL of a Spring Data R2DBC application's entities, read from R2DBC's own mapping model ({@code
 * R2dbcMappingContext}) on a class path without Spring Data JDBC, as such an application has; built on PostgreSQL,
 * then written and read by Spring Data R2DBC itself through its PostgreSQL driver. The column types follow what
 * the driver's codecs write (its reference's type mapping table); no test of Spring Data's is copied.
 */
class SpringDataR2dbcDdlTest {
    private static final String REACTIVE = "dev.migrate.autogen.entity.springdata.reactive";

    /** The test class path without Spring Data JDBC: what an application on Spring Data R2DBC alone sees. */
    private static final ClassLoader R2DBC_APPLICATION =
            new ClassLoader("r2dbc-application", SpringDataR2dbcDdlTest.class.getClassLoader()) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (name.startsWith("org.springframework.data.jdbc.")) {
                        throw new ClassNotFoundException(name);
                    }
                    return super.loadClass(name, resolve);
                }

                @Override
                public @Nullable URL getResource(String name) {
                    return name.startsWith("org/springframework/data/jdbc/") ? null : super.getResource(name);
                }
            };

    private static List<String> ddl() throws Exception {
        return new SpringDataDdl(List.of(EntityDdlTest.testClasses()), List.of(REACTIVE)).generate(R2DBC_APPLICATION);
    }

    @Test
    void theR2dbcMappingModelIsReadWhereSpringDataJdbcIsAbsent() {
        assertThat(SpringDataDdl.module(R2DBC_APPLICATION)).contains(SpringDataDdl.Module.R2DBC);
        assertThat(SpringDataDdl.module(getClass().getClassLoader())).contains(SpringDataDdl.Module.JDBC);
    }

    @Test
    void oneTablePerEntityUnquotedWithTheTypesTheDriverWrites() throws Exception {
        List<String> ddl = ddl();
        // R2dbcMappingContext does not quote identifiers, where Spring Data JDBC's does
        assertThat(String.join("\n", ddl)).doesNotContain("\"");
        assertThat(ddl).hasSize(2);

        String database = TestPostgres.createDatabase("r2dbc_readings");
        DataSource db = TestPostgres.dataSource(database);
        TestPostgres.execute(db, ddl.toArray(String[]::new));
        assertThat(SpringDataDdlTest.columns(db, "sensor_reading"))
                .containsExactly(
                        "id bigint not null identity",
                        "version bigint not null",
                        "sensor character varying(255)",
                        "measured numeric",
                        "taken_at timestamp with time zone",
                        "batch uuid",
                        "status character varying(255)",
                        "tags character varying(255)[]",
                        "raw bytea",
                        "detail jsonb",
                        "calibrated boolean not null");
        assertThat(SpringDataDdlTest.columns(db, "probe"))
                .containsExactly("id uuid not null", "label character varying(255)");

        R2dbcEntityTemplate template =
                new R2dbcEntityTemplate(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
                        .host("localhost")
                        .port(TestPostgres.port())
                        .database(database)
                        .username("postgres")
                        .build()));
        Reading reading = new Reading();
        reading.sensor = "boiler-1";
        reading.value = new BigDecimal("21.50");
        reading.takenAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        reading.batch = UUID.randomUUID();
        reading.status = Reading.Status.SUSPECT;
        reading.tags = List.of("north", "basement");
        reading.raw = new byte[] {1, 2, 3};
        reading.detail = Json.of("{\"unit\": \"C\"}");
        reading.calibrated = true;
        Reading saved = template.insert(reading).block();
        assertThat(saved).isNotNull();
        Reading read = template.selectOne(Query.query(Criteria.where("id").is(saved.id)), Reading.class)
                .block();
        assertThat(read).isNotNull();
        assertThat(read.sensor).isEqualTo("boiler-1");
        assertThat(read.value).isEqualByComparingTo("21.5");
        assertThat(read.takenAt).isEqualTo(reading.takenAt);
        assertThat(read.batch).isEqualTo(reading.batch);
        assertThat(read.status).isEqualTo(Reading.Status.SUSPECT);
        assertThat(read.tags).containsExactly("north", "basement");
        assertThat(read.raw).containsExactly(1, 2, 3);
        assertThat(read.detail.asString()).contains("\"unit\"");
        assertThat(read.calibrated).isTrue();
        assertThat(read.version).isEqualTo(saved.version);

        Probe probe = new Probe();
        probe.id = UUID.randomUUID();
        probe.label = "attic";
        template.insert(probe).block();
        assertThat(template.selectOne(Query.query(Criteria.where("id").is(probe.id)), Probe.class)
                        .map(p -> p.label)
                        .block())
                .isEqualTo("attic");
    }

    static java.util.stream.Stream<Integer> majors() {
        return TestPostgres.oldestAndNewestMajors().stream();
    }

    /**
     * The tables written for Spring Data JDBC's aggregates and R2DBC's entities are built alike on the oldest and the
     * newest PostgreSQL major ({@code -Dmigrate.test.majors} chooses others): the same columns, types and keys as
     * on the default server.
     */
    @ParameterizedTest
    @MethodSource("majors")
    void theTablesAreTheSameOnTheOldestAndNewestMajors(int major) throws Exception {
        List<String> ddl = new java.util.ArrayList<>(ddl());
        ddl.addAll(SpringDataDdlTest.ddl("dev.migrate.autogen.entity.springdata.shop"));
        DataSource reference = TestPostgres.freshDatabase("sd_default");
        DataSource onMajor = TestPostgres.freshDatabase(major, "sd_major");
        TestPostgres.execute(reference, ddl.toArray(String[]::new));
        TestPostgres.execute(onMajor, ddl.toArray(String[]::new));
        List<String> tables = TestPostgres.query(
                reference, "select tablename from pg_tables where schemaname = 'public' order by tablename");
        assertThat(tables).contains("sensor_reading", "probe", "purchase_order", "order_line");
        assertThat(TestPostgres.query(
                        onMajor, "select tablename from pg_tables where schemaname = 'public' order by tablename"))
                .isEqualTo(tables);
        for (String table : tables) {
            assertThat(SpringDataDdlTest.columns(onMajor, table))
                    .as(table)
                    .isEqualTo(SpringDataDdlTest.columns(reference, table));
            assertThat(SpringDataDdlTest.keys(onMajor, table))
                    .as(table)
                    .isEqualTo(SpringDataDdlTest.keys(reference, table));
        }
    }
}

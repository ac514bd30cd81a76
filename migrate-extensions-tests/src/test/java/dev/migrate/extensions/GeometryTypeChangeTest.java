package dev.migrate.extensions;

import static dev.migrate.extensions.ExtensionsServer.execute;
import static dev.migrate.extensions.ExtensionsServer.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.autogen.write.ChangeNotes;
import dev.migrate.catalog.DatabaseSchema;
import dev.migrate.catalog.diff.DataMeasurements;
import dev.migrate.catalog.diff.MigrationScript;
import dev.migrate.catalog.diff.SchemaDiff;
import dev.migrate.catalog.drift.SchemaDrift;
import dev.migrate.catalog.read.Exclusions;
import dev.migrate.lint.TypeChangeRows;
import dev.migrate.op.Op;
import dev.migrate.tooling.OpSql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A geometry column whose SRID ({@code geometry(Point,4326)} to {@code geometry(Point,3857)}) or kind ({@code Point}
 * to {@code Polygon}) changes is a type change PostGIS refuses on every row that does not fit the new typmod
 * ("Geometry SRID (4326) does not match column SRID (3857)"), so it is measured and guarded as a vector's dimension
 * is: the rows are counted, the note names one and the fix ({@code ST_Transform} for the SRID, a {@code USING}
 * expression for the kind), and the migration checks first and stops before the type changes.
 */
@ExtendWith(ExtensionsServer.class)
class GeometryTypeChangeTest {
    private static ExtensionsServer.Started server;

    @BeforeAll
    static void server(ExtensionsServer.Started started) {
        server = started;
    }

    /**
     * The condition says exactly what PostGIS refuses: each value is put in a column of its type, and the change to
     * the new typmod is tried. The cases are those of PostGIS's own typmod regression test
     * (postgis/regress/core/typmod.sql, whose checks live in postgis_valid_typmod): an SRID that differs, a value
     * without an SRID (which takes the column's), a kind that differs, a collection column refusing a multi kind too (as PostGIS 3 checks it),
     * a Z coordinate the column lacks or wants, and a geography.
     */
    @Test
    void theConditionRefusesWhatPostgisRefuses() throws SQLException {
        DataSource database = server.freshDatabase("typmod");
        record Case(String from, String value, String to) {}
        List<Case> cases = List.of(
                new Case("geometry(Point,4326)", "SRID=4326;POINT(1 2)", "geometry(Point,3857)"),
                new Case("geometry(Point,4326)", "SRID=4326;POINT(1 2)", "geometry(Point,4326)"),
                new Case("geometry(Point)", "POINT(1 2)", "geometry(Point,3857)"),
                new Case("geometry(Point,4326)", "SRID=4326;POINT(1 2)", "geometry(Polygon,4326)"),
                new Case("geometry(Geometry,4326)", "SRID=4326;POLYGON((0 0,1 0,1 1,0 0))", "geometry(Polygon,4326)"),
                new Case("geometry(Geometry,4326)", "SRID=4326;POLYGON((0 0,1 0,1 1,0 0))", "geometry(Point,4326)"),
                new Case(
                        "geometry(Geometry,4326)",
                        "SRID=4326;MULTIPOINT(1 2,3 4)",
                        "geometry(GeometryCollection,4326)"),
                new Case("geometry(Geometry,4326)", "SRID=4326;POINT(1 2)", "geometry(GeometryCollection,4326)"),
                new Case("geometry(GeometryZ,4326)", "SRID=4326;POINT(1 2 3)", "geometry(Point,4326)"),
                new Case("geometry(GeometryZ,4326)", "SRID=4326;POINT(1 2 3)", "geometry(PointZ,4326)"),
                new Case("geometry(Geometry,4326)", "SRID=4326;POINT(1 2)", "geometry(PointZ,4326)"),
                new Case("geometry(GeometryM,4326)", "SRID=4326;POINTM(1 2 3)", "geometry(PointM,4326)"),
                new Case("geometry(Geometry)", "SRID=3857;POINT(1 2)", "geometry(Geometry,4326)"),
                new Case("geography(Point,4326)", "SRID=4326;POINT(1 2)", "geography(Polygon,4326)"),
                new Case("geography(Geometry,4326)", "SRID=4326;POINT(1 2)", "geography(Point,4326)"));
        int refusedByPostgis = 0;
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            for (Case each : cases) {
                s.execute("DROP TABLE IF EXISTS shapes");
                s.execute("CREATE TABLE shapes (shape " + each.from() + ")");
                s.execute("INSERT INTO shapes VALUES ('" + each.value() + "')");
                TypeChangeRows rows = TypeChangeRows.of("shape", "public.shapes.shape", each.to(), 15)
                        .orElseThrow();
                boolean counted;
                try (ResultSet rs =
                        s.executeQuery("SELECT count(*) > 0 FROM shapes WHERE (" + rows.condition() + ")")) {
                    rs.next();
                    counted = rs.getBoolean(1);
                }
                boolean refused;
                c.setAutoCommit(false);
                try {
                    s.execute("ALTER TABLE shapes ALTER COLUMN shape TYPE " + each.to());
                    refused = false;
                } catch (SQLException e) {
                    refused = true;
                    refusedByPostgis++;
                }
                c.rollback();
                c.setAutoCommit(true);
                assertThat(counted)
                        .as(each.value() + " from " + each.from() + " to " + each.to() + ": PostGIS refuses it: "
                                + refused)
                        .isEqualTo(refused);
            }
        }
        assertThat(refusedByPostgis).isBetween(4, cases.size() - 4); // both answers are exercised
    }

    @Test
    void anSridOrKindChangeOnRowsThatDoNotFitIsMeasuredAndGuarded() throws SQLException {
        DataSource live = server.freshDatabase("geometry_live");
        DataSource wanted = server.freshDatabase("geometry_wanted");
        execute(
                live,
                "CREATE TABLE places (id bigint PRIMARY KEY, location geometry(Point,4326),"
                        + " area geometry(Geometry,4326))",
                "INSERT INTO places VALUES (1, 'SRID=4326;POINT(13.4 52.5)', 'SRID=4326;POINT(1 1)'),"
                        + " (2, 'SRID=4326;POINT(2.35 48.85)', 'SRID=4326;POLYGON((0 0,1 0,1 1,0 0))'),"
                        + " (3, NULL, NULL)");
        execute(
                wanted,
                "CREATE TABLE places (id bigint PRIMARY KEY, location geometry(Point,3857),"
                        + " area geometry(Polygon,4326))");

        MigrationScript script;
        try (Connection c = live.getConnection()) {
            MigrationScript diff = SchemaDiff.compare(
                    read(c), read(wanted), SchemaDiff.Options.defaults().withBothRead());
            assertThat(OpSql.renderAll(diff.upgrade()))
                    .anyMatch(s -> s.contains("TYPE geometry(Point,3857)"))
                    .anyMatch(s -> s.contains("TYPE geometry(Polygon,4326)"));
            script = DataMeasurements.measure(diff, c, Duration.ofSeconds(30)).script();
        }
        String notes = String.join(
                "\n",
                script.changes().stream()
                        .flatMap(ch -> ChangeNotes.of(ch).stream())
                        .toList());
        assertThat(notes)
                .contains("public.places.location: 2 values do not fit geometry(Point,3857) (e.g. 'SRID=4326;POINT(")
                .contains("USING ST_Transform(location, 3857)")
                .contains(
                        "public.places.area: 1 value does not fit geometry(Polygon,4326) (e.g. 'SRID=4326;POINT(1 1)')")
                .contains("ST_Multi(area)");
        assertThat(script.guards()).hasSize(2);

        // as it stands, the guard stops the migration before any type changes
        try (Connection c = live.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> run(c, script.upgrade()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("public.places.")
                    .hasMessageContaining("found");
            c.rollback();
        }
        assertThat(query(
                        live,
                        "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                                + " WHERE attrelid = 'places'::regclass AND attname IN ('location', 'area')"
                                + " ORDER BY attnum"))
                .containsExactly("geometry(Point,4326)", "geometry(Geometry,4326)");

        // the fix the note names: the points transformed in the type change, the point that is no area removed
        execute(
                live,
                "ALTER TABLE places ALTER COLUMN location TYPE geometry(Point,3857) USING ST_Transform(location, 3857)",
                "UPDATE places SET area = NULL WHERE ST_GeometryType(area) <> 'ST_Polygon'");
        MigrationScript measured;
        try (Connection c = live.getConnection()) {
            MigrationScript rest = SchemaDiff.compare(
                    read(c), read(wanted), SchemaDiff.Options.defaults().withBothRead());
            measured = DataMeasurements.measure(rest, c, Duration.ofSeconds(30)).script();
        }
        assertThat(measured.guards()).isEmpty(); // no row of another kind is left
        try (Connection c = live.getConnection()) {
            run(c, measured.upgrade());
        }
        try (Connection c = live.getConnection()) {
            assertThat(SchemaDiff.compare(
                                    read(c),
                                    read(wanted),
                                    SchemaDiff.Options.defaults().withBothRead())
                            .upgrade())
                    .isEmpty();
        }
        assertThat(query(live, "SELECT ST_SRID(location)::text FROM places WHERE location IS NOT NULL"))
                .containsOnly("3857");
    }

    /**
     * A geography's kind changed: the fix the note gives goes through a geometry and back, since PostGIS's ST_Multi
     * and ST_Transform take no geography, and the type change with it runs.
     */
    @Test
    void aGeographysFixGoesThroughAGeometryAndRuns() throws SQLException {
        DataSource database = server.freshDatabase("geography_fix");
        execute(
                database,
                "CREATE TABLE zones (id int PRIMARY KEY, area geography(Polygon,4326))",
                "INSERT INTO zones VALUES (1, 'SRID=4326;POLYGON((0 0,1 0,1 1,0 0))')");
        String fix = TypeChangeRows.of("area", "public.zones.area", "geography(MultiPolygon,4326)", 16)
                .orElseThrow()
                .fix();
        assertThat(fix)
                .contains("USING ST_Transform(area::geometry, 4326)::geography")
                .contains("ST_Multi(area::geometry)::geography for a Multi type");
        execute(
                database,
                "ALTER TABLE zones ALTER COLUMN area TYPE geography(MultiPolygon,4326)"
                        + " USING ST_Multi(area::geometry)::geography");
        assertThat(query(database, "SELECT ST_AsText(area) FROM zones"))
                .containsExactly("MULTIPOLYGON(((0 0,1 0,1 1,0 0)))");
    }

    private static DatabaseSchema read(Connection c) {
        return SchemaDrift.read(c, "public", Exclusions.versionTables());
    }

    private static DatabaseSchema read(DataSource database) throws SQLException {
        try (Connection c = database.getConnection()) {
            return read(c);
        }
    }

    private static void run(Connection c, List<Op> ops) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : OpSql.renderAll(ops)) {
                s.execute(sql);
            }
        }
    }
}

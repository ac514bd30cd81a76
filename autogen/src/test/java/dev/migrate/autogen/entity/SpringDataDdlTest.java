package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.autogen.entity.springdata.edge.Carrier;
import dev.migrate.autogen.entity.springdata.edge.Shipment;
import dev.migrate.autogen.entity.springdata.heldtable.Entry;
import dev.migrate.autogen.entity.springdata.heldtable.Playlist;
import dev.migrate.autogen.entity.springdata.named.Invoice;
import dev.migrate.autogen.entity.springdata.named.PrefixedNames;
import dev.migrate.autogen.entity.springdata.nested.Survey;
import dev.migrate.autogen.entity.springdata.shop.Customer;
import dev.migrate.autogen.entity.springdata.shop.PurchaseOrder;
import dev.migrate.testing.TestPostgres;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The DDL read from Spring Data's mapping model, built on PostgreSQL, then written and read by Spring Data JDBC
 * itself: the tables fit what Spring Data reads and writes, not only what this test expects. The cases follow the
 * mapping Spring Data JDBC documents (its reference's "Persisting Entities" chapter: lists and maps with their
 * back-reference and key columns, sets with the back-reference only, embedded entities with a prefix, the naming
 * strategy) and the column types of its own schema writer ({@code DefaultSqlTypeMapping}, used by {@code
 * LiquibaseChangeSetWriter}), in PostgreSQL's words; no test of Spring Data's is copied.
 */
class SpringDataDdlTest {
    private static final String SPRINGDATA = "dev.migrate.autogen.entity.springdata.";

    static List<String> ddl(String... packages) throws Exception {
        return new SpringDataDdl(List.of(EntityDdlTest.testClasses()), List.of(packages))
                .generate(SpringDataDdlTest.class.getClassLoader());
    }

    private static DataSource built(String name, List<String> ddl) throws Exception {
        DataSource db = TestPostgres.freshDatabase(name);
        TestPostgres.execute(db, ddl.toArray(String[]::new));
        return db;
    }

    static List<String> columns(DataSource db, String table) throws Exception {
        return TestPostgres.query(
                db,
                "select column_name || ' ' || format_type(atttypid, atttypmod) || case when attnotnull then ' not null'"
                        + " else '' end || case when attidentity <> '' then ' identity' else '' end"
                        + " from information_schema.columns c join pg_attribute a on a.attrelid = ('\"' || table_name"
                        + " || '\"')::regclass and a.attname = c.column_name where table_schema = 'public' and table_name"
                        + " = '" + table + "' order by ordinal_position");
    }

    static List<String> keys(DataSource db, String table) throws Exception {
        return TestPostgres.query(
                db,
                "select pg_get_constraintdef(oid) from pg_constraint where conrelid = ('\"' || '" + table
                        + "' || '\"')::regclass and contype in ('p', 'f') order by contype desc, conname");
    }

    /** Spring Data JDBC itself, on {@code db}, as an application configures it. */
    private static void withSpringDataJdbc(
            DataSource db,
            @org.jspecify.annotations.Nullable NamingStrategy naming,
            Consumer<JdbcAggregateTemplate> use) {
        try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext()) {
            spring.registerBean(DataSource.class, () -> db);
            spring.registerBean(NamedParameterJdbcOperations.class, () -> new NamedParameterJdbcTemplate(db));
            if (naming != null) {
                spring.registerBean(NamingStrategy.class, () -> naming);
            }
            spring.register(JdbcApplication.class);
            spring.refresh();
            use.accept(spring.getBean(JdbcAggregateTemplate.class));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class JdbcApplication extends AbstractJdbcConfiguration {}

    @Test
    void anAggregateWithListSetMapAndEmbeddedIsWrittenAndReadBySpringDataJdbc() throws Exception {
        List<String> ddl = ddl(SPRINGDATA + "shop");
        DataSource db = built("sdj_shop", ddl);

        assertThat(columns(db, "purchase_order"))
                .containsExactly(
                        "id bigint not null identity",
                        "version bigint not null",
                        "customer character varying(255)",
                        "status character varying(255)",
                        "total numeric",
                        "reference uuid",
                        "receipt bytea",
                        "placed_at timestamp without time zone",
                        "due date",
                        "paid_at timestamp with time zone",
                        "gift boolean not null",
                        "weight double precision not null",
                        "labels character varying(255)[]",
                        "created_at timestamp with time zone",
                        "ship_street character varying(255)",
                        "ship_city character varying(255)");
        // a list: the back-reference named by @MappedCollection, the index as its key column, both the primary key
        assertThat(columns(db, "order_line"))
                .containsExactly(
                        "order_id bigint not null",
                        "position integer not null",
                        "product character varying(255)",
                        "quantity integer not null");
        assertThat(keys(db, "order_line"))
                .containsExactly(
                        "PRIMARY KEY (order_id, \"position\")", "FOREIGN KEY (order_id) REFERENCES purchase_order(id)");
        // a set: the back-reference alone, which identifies no element
        assertThat(columns(db, "tag")).containsExactly("purchase_order bigint not null", "name character varying(255)");
        assertThat(keys(db, "tag")).containsExactly("FOREIGN KEY (purchase_order) REFERENCES purchase_order(id)");
        // a map: the key column typed as the map's keys
        assertThat(columns(db, "remark"))
                .containsExactly(
                        "purchase_order bigint not null",
                        "purchase_order_key character varying(255) not null",
                        "text character varying(255)");
        assertThat(keys(db, "remark")).first().isEqualTo("PRIMARY KEY (purchase_order, purchase_order_key)");
        // an aggregate found through its repository, whose UUID id the application assigns: no identity
        assertThat(columns(db, "customer")).containsExactly("id uuid not null", "name character varying(255)");

        withSpringDataJdbc(db, null, template -> {
            PurchaseOrder order = new PurchaseOrder();
            order.customerName = "Ada";
            order.status = PurchaseOrder.Status.SHIPPED;
            order.total = new BigDecimal("12.50");
            order.reference = UUID.randomUUID();
            order.receipt = new byte[] {1, 2};
            order.placedAt = LocalDateTime.of(2026, 1, 2, 3, 4);
            order.paidAt = OffsetDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC);
            order.labels = new String[] {"a", "b"};
            order.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            order.note = "not stored";
            order.shipping = new PurchaseOrder.Address();
            order.shipping.city = "Paris";
            for (String product : List.of("tea", "cups")) {
                PurchaseOrder.OrderLine line = new PurchaseOrder.OrderLine();
                line.product = product;
                line.quantity = 2;
                order.lines.add(line);
            }
            PurchaseOrder.Tag tag = new PurchaseOrder.Tag();
            tag.name = "gift";
            order.tags.add(tag);
            PurchaseOrder.Remark remark = new PurchaseOrder.Remark();
            remark.text = "ring twice";
            order.remarks.put("door", remark);
            PurchaseOrder saved = template.save(order);
            Long id = saved.id;

            PurchaseOrder read = template.findById(id, PurchaseOrder.class);
            assertThat(read).isNotNull();
            assertThat(read.customerName).isEqualTo("Ada");
            assertThat(read.status).isEqualTo(PurchaseOrder.Status.SHIPPED);
            assertThat(read.labels).containsExactly("a", "b");
            assertThat(read.note).isNull();
            assertThat(read.shipping.city).isEqualTo("Paris");
            assertThat(read.lines).extracting(l -> l.product).containsExactly("tea", "cups");
            assertThat(read.tags).extracting(t -> t.name).containsExactly("gift");
            assertThat(read.remarks)
                    .extractingByKey("door")
                    .extracting(r -> r.text)
                    .isEqualTo("ring twice");
            assertThat(read.version).isEqualTo(saved.version);

            Customer customer = new Customer();
            customer.id = UUID.randomUUID();
            customer.name = "Grace";
            template.insert(customer);
            assertThat(template.findById(customer.id, Customer.class).name).isEqualTo("Grace");
        });
    }

    @Test
    void aListInAListWithoutIdsKeysTheGrandchildByBothIndexes() throws Exception {
        DataSource db = built("sdj_nested", ddl(SPRINGDATA + "nested"));

        assertThat(columns(db, "answer"))
                .containsExactly(
                        "survey integer not null",
                        "survey_key integer not null",
                        "question_key integer not null",
                        "text character varying(255)");
        assertThat(keys(db, "answer"))
                .containsExactly(
                        "PRIMARY KEY (survey, survey_key, question_key)",
                        "FOREIGN KEY (survey, survey_key) REFERENCES question(survey, survey_key)");

        withSpringDataJdbc(db, null, template -> {
            Survey survey = new Survey();
            survey.title = "lunch";
            for (String text : List.of("where?", "when?")) {
                Survey.Question question = new Survey.Question();
                question.text = text;
                Survey.Answer answer = new Survey.Answer();
                answer.text = "soon";
                question.answers.add(answer);
                question.answers.add(answer);
                survey.questions.add(question);
            }
            Survey read = template.findById(template.save(survey).id, Survey.class);
            assertThat(read.questions).extracting(q -> q.answers.size()).containsExactly(2, 2);
        });
    }

    @Test
    void theProjectsNamingStrategyNamesTablesAndBackReferences() throws Exception {
        DataSource db = built("sdj_named", ddl(SPRINGDATA + "named"));

        assertThat(columns(db, "app_item"))
                .containsExactly(
                        "invoice_ref bigint not null",
                        "app_invoice_key integer not null",
                        "description character varying(255)");
        assertThat(keys(db, "app_item")).contains("FOREIGN KEY (invoice_ref) REFERENCES app_invoice(id)");

        withSpringDataJdbc(db, new PrefixedNames(), template -> {
            Invoice invoice = new Invoice();
            invoice.billedTo = "Ada";
            Invoice.Item item = new Invoice.Item();
            item.description = "tea";
            invoice.items.add(item);
            Invoice read = template.findById(template.save(invoice).id, Invoice.class);
            assertThat(read.items).extracting(i -> i.description).containsExactly("tea");
        });
    }

    @Test
    void aSequenceAnAssignedIdAReferenceToAnotherAggregateAndASingleEntity() throws Exception {
        DataSource db = built("sdj_edge", ddl(SPRINGDATA + "edge"));

        assertThat(columns(db, "shipment")).containsExactly("id bigint not null", "carrier bigint");
        assertThat(keys(db, "shipment")).containsExactly("PRIMARY KEY (id)");
        assertThat(columns(db, "carrier")).containsExactly("id bigint not null", "name character varying(255)");
        // a single entity: one row per owner, its back-reference the primary key
        assertThat(columns(db, "label")).containsExactly("shipment bigint not null", "text character varying(255)");
        assertThat(keys(db, "label"))
                .containsExactly("PRIMARY KEY (shipment)", "FOREIGN KEY (shipment) REFERENCES shipment(id)");

        withSpringDataJdbc(db, null, template -> {
            Carrier carrier = new Carrier();
            carrier.id = 7L;
            carrier.name = "post";
            carrier.isNew = true;
            template.save(carrier);
            Shipment shipment = new Shipment();
            shipment.carrier = AggregateReference.to(7L);
            shipment.label = new Shipment.Label();
            shipment.label.text = "fragile";
            Shipment read = template.findById(template.save(shipment).id, Shipment.class);
            assertThat(read.carrier.getId()).isEqualTo(7L);
            assertThat(read.label.text).isEqualTo("fragile");
        });
    }

    @Test
    void anEntityAnnotatedTableThatAnotherAggregateHoldsKeepsItsBackReference() throws Exception {
        // Entry is found before Playlist, which holds it: its table was made as a root's, without the back-reference
        DataSource db = built("sdj_held_table", ddl(SPRINGDATA + "heldtable"));

        assertThat(columns(db, "entry"))
                .containsExactly(
                        "playlist bigint not null", "id bigint not null identity", "title character varying(255)");
        assertThat(keys(db, "entry"))
                .containsExactly("PRIMARY KEY (id)", "FOREIGN KEY (playlist) REFERENCES playlist(id)");

        withSpringDataJdbc(db, null, template -> {
            Playlist playlist = new Playlist();
            playlist.name = "mornings";
            Entry entry = new Entry();
            entry.title = "first";
            playlist.entries.add(entry);
            Playlist read = template.findById(template.save(playlist).id, Playlist.class);
            assertThat(read.entries).extracting(e -> e.title).containsExactly("first");
        });
    }

    @Test
    void aTypeTheMappingLeavesOpenIsNamedWithTheFix() {
        assertThatThrownBy(() -> ddl(SPRINGDATA + "open"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("The property Booking.length has the type java.time.Duration")
                .hasMessageContaining("its column type is open")
                .hasMessageContaining("@Transient");
    }

    @Test
    void twoNamingStrategiesAreRefusedNamingBoth() {
        assertThatThrownBy(() -> ddl(SPRINGDATA + "twonames"))
                .isInstanceOf(MigrateException.class)
                .hasMessageContaining("2 Spring Data naming strategies")
                .hasMessageContaining("LowerNames")
                .hasMessageContaining("UpperNames")
                .hasMessageContaining("entityPackages");
    }

    @Test
    void aProjectWithoutSpringDataIsToldWhichDependencyToAdd() {
        try (URLClassLoader none = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThat(SpringDataDdl.module(none)).isEmpty();
            assertThatThrownBy(() -> new SpringDataDdl(List.of(), List.of()).generate(none))
                    .isInstanceOf(MigrateException.class)
                    .hasMessageContaining("org.springframework.data:spring-data-jdbc")
                    .hasMessageContaining("spring-boot-starter-data-r2dbc");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(SpringDataDdl.module(getClass().getClassLoader())).contains(SpringDataDdl.Module.JDBC);
    }
}

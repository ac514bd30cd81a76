package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few changed entities described alone, before and after, their difference applied to the model's DDL: the result
 * is what describing the whole model again writes, statement for statement; a change that the model's other entities
 * depend on, or that others add to, is described whole (nothing answered, the reason told).
 */
class ChangedEntitiesTest {
    @TempDir
    Path work;

    /** The model: associations both ways, one that another entity adds a column to, and a hierarchy. */
    static final Map<String, String> MODEL = Map.of(
            "Region",
            "@Entity public class Region { @Id Long id; String code; }",
            "Customer",
            "@Entity public class Customer { @Id Long id; String name;"
                    + " @OneToMany(mappedBy = \"customer\") List<Purchase> purchases; @ManyToOne Region region; }",
            "Purchase",
            "@Entity @Table(name = \"purchases\") public class Purchase { @Id @GeneratedValue Long id;"
                    + " @ManyToOne Customer customer; String note; @ManyToOne Purchase previous; }",
            "Product",
            "@Entity public class Product { @Id Long id; String sku; }",
            "Tag",
            "@Entity public class Tag { @Id Long id; @OneToMany @JoinColumn(name = \"tag_id\") List<Product> products; }",
            "Animal",
            "@Entity public class Animal { @Id Long id; String name; }",
            "Dog",
            "@Entity public class Dog extends Animal { String breed; }",
            "Chain0",
            "@Entity public class Chain0 { @Id Long id; String label; }",
            "Chain1",
            "@Entity public class Chain1 { @Id Long id; @ManyToOne Chain0 parent; }",
            "Chain2",
            "@Entity public class Chain2 { @Id Long id; @ManyToOne Chain1 parent; String label; }");

    private ChangedModels models;

    @BeforeEach
    void models() {
        models = new ChangedModels(
                work,
                classes -> new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, ChangedEntitiesTest.class.getClassLoader()));
    }

    private ChangedModels.Outcome change(String entity, String source) throws Exception {
        return models.change(MODEL, Map.of(entity, source));
    }

    private ChangedModels.Outcome change(Map<String, String> model, Map<String, String> edits) throws Exception {
        return models.change(model, edits);
    }

    static void describedAsTheWholeModelIs(ChangedModels.Outcome outcome) {
        assertThat(outcome.why()).isEmpty();
        assertThat(outcome.ddl()).isPresent();
        assertThat(outcome.ddl().get()).containsExactlyInAnyOrderElementsOf(outcome.whole());
        assertThat(outcome.ddl().get()).isEqualTo(outcome.whole());
    }

    @Test
    void anEntityEditedAgainIsDescribedOnlyAsItIsNow() throws Exception {
        String purchase = "@Entity @Table(name = \"purchases\") public class Purchase { @Id @GeneratedValue Long id;"
                + " @ManyToOne Customer customer; String note; @ManyToOne Purchase previous;";
        int contexts = KeptJaxbContexts.made();
        List<ChangedModels.Outcome> edits = models.changes(
                MODEL,
                List.of(
                        Map.of("Purchase", purchase + " int quantity; }"),
                        Map.of("Purchase", purchase + " int quantity; String coupon; }"),
                        Map.of(
                                "Customer",
                                Objects.requireNonNull(MODEL.get("Customer"))
                                        .replace("String name;", "String name; String email;")),
                        Map.of("Purchase", purchase + " int quantity; }")));
        edits.forEach(ChangedEntitiesTest::describedAsTheWholeModelIs);
        // Purchase's unit leaves Customer's region out in a mapping file, which the provider reads through JAXB: its
        // context is made once, through the factory the unit's loader names first, and kept for the next units
        assertThat(KeptJaxbContexts.made()).isPositive();
        assertThat(KeptJaxbContexts.made() - contexts).isLessThanOrEqualTo(1);
        // the second edit's unit before it is the first's after: that script is the one written then, not again
        assertThat(edits.get(1).unitScripts().keySet())
                .hasSize(2)
                .containsAnyElementsOf(edits.get(0).unitScripts().keySet());
        // another entity's unit shares nothing with the last; the fourth edit undoes the second
        assertThat(edits.get(2).unitScripts().keySet())
                .doesNotContainAnyElementsOf(edits.get(1).unitScripts().keySet());
        assertThat(edits.get(3).unitScripts().keySet())
                .doesNotContainAnyElementsOf(edits.get(2).unitScripts().keySet());
    }

    @Test
    void aColumnAddedToAnEntityOfAssociationsBothWays() throws Exception {
        describedAsTheWholeModelIs(change(
                "Purchase",
                "@Entity @Table(name = \"purchases\") public class Purchase { @Id @GeneratedValue Long id;"
                        + " @ManyToOne Customer customer; String note; @ManyToOne Purchase previous;"
                        + " int quantity; }"));
    }

    @Test
    void aColumnWidenedAnIndexAndAUniqueConstraintAdded() throws Exception {
        describedAsTheWholeModelIs(change(
                "Purchase",
                "@Entity @Table(name = \"purchases\", indexes = @Index(name = \"purchases_note_idx\", columnList ="
                        + " \"note\"), uniqueConstraints = @UniqueConstraint(columnNames = \"note\"))"
                        + " public class Purchase { @Id @GeneratedValue Long id; @ManyToOne Customer customer;"
                        + " @Column(length = 500) String note; @ManyToOne Purchase previous; }"));
    }

    @Test
    void aReferenceToAnEntityThatOthersAddToAndAJoinTable() throws Exception {
        describedAsTheWholeModelIs(change(
                "Purchase",
                "@Entity @Table(name = \"purchases\") public class Purchase { @Id @GeneratedValue Long id;"
                        + " @ManyToOne Customer customer; String note; @ManyToOne Purchase previous;"
                        + " @ManyToOne Product product; @ManyToMany Set<Region> regions; }"));
    }

    @Test
    void aColumnRemovedAndAReferenceDropped() throws Exception {
        describedAsTheWholeModelIs(change(
                "Customer",
                "@Entity public class Customer { @Id Long id;"
                        + " @OneToMany(mappedBy = \"customer\") List<Purchase> purchases; }"));
    }

    @Test
    void theLastOfAChainDescribedWithTheOneBeforeAlone() throws Exception {
        describedAsTheWholeModelIs(change(
                "Chain2",
                "@Entity public class Chain2 { @Id Long id; @ManyToOne Chain1 parent; String label;"
                        + " java.time.OffsetDateTime changedAt; }"));
    }

    @Test
    void aChangeOfNoMappingLeavesTheModelAsItWas() throws Exception {
        describedAsTheWholeModelIs(change(
                "Region",
                "@Entity public class Region { @Id Long id; String code;"
                        + " public String shown() { return code; } }"));
    }

    /**
     * The mappings a changed entity brings along: accessed through its getters, an embedded value, a collection
     * table, a secondary table, an enumeration, and a converter the provider applies by itself.
     */
    private static final Map<String, String> MAPPINGS = Map.of(
            "Money",
            "public record Money(long cents) {}",
            "MoneyConverter",
            "@Converter(autoApply = true) public class MoneyConverter implements AttributeConverter<Money, Long> {"
                    + " public Long convertToDatabaseColumn(Money m) { return m == null ? null : m.cents(); }"
                    + " public Money convertToEntityAttribute(Long c) { return c == null ? null : new Money(c); } }",
            "Address",
            "@Embeddable public class Address { String street; String city; }",
            "Status",
            "public enum Status { OPEN, CLOSED }",
            "Owner",
            "@Entity public class Owner { @Id Long id; String name; @OneToOne(mappedBy = \"owner\") Shop shop; }",
            "Shop",
            "@Entity @SecondaryTable(name = \"shop_details\") public class Shop { private Long id; private Owner owner;"
                    + " private Money price;"
                    + " @Id public Long getId() { return id; } public void setId(Long id) { this.id = id; }"
                    + " @OneToOne public Owner getOwner() { return owner; } public void setOwner(Owner o) { owner = o; }"
                    + " public Money getPrice() { return price; } public void setPrice(Money p) { price = p; } }",
            "Warehouse",
            "@Entity public class Warehouse { @Id Long id; @Embedded Address address; @Enumerated(EnumType.STRING)"
                    + " Status status; Money rent; @ElementCollection Set<String> labels; }",
            "Slot",
            "@Entity public class Slot { @Id Long id; @ManyToOne Warehouse warehouse; }");

    @Test
    void anEntityOfGettersWithAConvertedValueAndASecondaryTable() throws Exception {
        describedAsTheWholeModelIs(change(
                MAPPINGS,
                Map.of(
                        "Shop",
                        "@Entity @SecondaryTable(name = \"shop_details\") public class Shop { private Long id;"
                                + " private Owner owner; private Money price; private String motto;"
                                + " @Id public Long getId() { return id; } public void setId(Long id) { this.id = id; }"
                                + " @OneToOne public Owner getOwner() { return owner; }"
                                + " public void setOwner(Owner o) { owner = o; }"
                                + " public Money getPrice() { return price; } public void setPrice(Money p) { price = p; }"
                                + " @Column(table = \"shop_details\") public String getMotto() { return motto; }"
                                + " public void setMotto(String m) { motto = m; } }")));
    }

    @Test
    void twoEntitiesAtOnceWithAnEmbeddedValueACollectionTableAndAnEnumeration() throws Exception {
        describedAsTheWholeModelIs(change(
                MAPPINGS,
                Map.of(
                        "Warehouse",
                        "@Entity public class Warehouse { @Id Long id; @Embedded Address address;"
                                + " @Enumerated(EnumType.STRING) Status status; Money rent;"
                                + " @ElementCollection Set<String> labels; @ElementCollection List<Address> docks; }",
                        "Slot",
                        "@Entity public class Slot { @Id Long id; @ManyToOne Warehouse warehouse; Money fee;"
                                + " @Column(unique = true) String code; }")));
    }

    @Test
    void anEntityReferencingOneWhoseIdentityComesFromAnAssociationIsDescribedWhole() throws Exception {
        Map<String, String> model = new LinkedHashMap<>(MAPPINGS);
        model.put(
                "Profile", "@Entity public class Profile { @Id Long id; @MapsId @OneToOne Owner owner; String bio; }");
        model.put("Badge", "@Entity public class Badge { @Id Long id; }");
        ChangedModels.Outcome outcome = change(
                model, Map.of("Badge", "@Entity public class Badge { @Id Long id; @ManyToOne Profile profile; }"));
        assertThat(outcome.ddl()).isEmpty();
        assertThat(outcome.why())
                .containsExactly("it references shop.Profile, whose identity comes from an association");
    }

    @Test
    void aTableAnotherEntityAddsToIsDescribedWhole() throws Exception {
        ChangedModels.Outcome outcome =
                change("Product", "@Entity public class Product { @Id Long id; String sku; String color; }");
        assertThat(outcome.ddl()).isEmpty();
        assertThat(outcome.why())
                .containsExactly("the model writes the table Product with what other entities add to it");
    }

    @Test
    void aPrimaryKeyOthersReferToIsDescribedWhole() throws Exception {
        ChangedModels.Outcome outcome =
                change("Region", "@Entity public class Region { @Id Integer id; String code; }");
        assertThat(outcome.ddl()).isEmpty();
        assertThat(outcome.why()).containsExactly("the column Region.id, which other tables refer to, changed");
    }

    @Test
    void anEntityOfAHierarchyIsDescribedWhole() throws Exception {
        ChangedModels.Outcome outcome =
                change("Dog", "@Entity public class Dog extends Animal { String breed; boolean trained; }");
        assertThat(outcome.ddl()).isEmpty();
        assertThat(outcome.why()).containsExactly("shop.Dog is part of an inheritance hierarchy");
    }

    @Test
    void aTableRenamedThatOthersReferToIsDescribedWhole() throws Exception {
        ChangedModels.Outcome outcome = change(
                "Region", "@Entity @Table(name = \"regions\") public class Region { @Id Long id; String code; }");
        assertThat(outcome.ddl()).isEmpty();
        assertThat(outcome.why())
                .containsExactly("the table Region is gone while other statements of the model refer to it");
    }
}

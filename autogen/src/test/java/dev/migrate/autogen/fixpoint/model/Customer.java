package dev.migrate.autogen.fixpoint.model;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Identity key, both enum storages, json, uuid, numbers, time types, embeddables and element collections. */
@Entity
@Table(
        name = "customers",
        indexes = {
            @Index(name = "ix_customers_name_city", columnList = "last_name, first_name"),
            @Index(name = "ux_customers_external", columnList = "external_id", unique = true)
        },
        uniqueConstraints = @UniqueConstraint(name = "uk_customers_email", columnNames = "email"))
@Check(name = "ck_customers_credit", constraints = "credit_limit >= 0")
@Comment("People and companies we bill")
// Hibernate 7 deprecates @Check and @Comment for JPA 3.2's attributes, but projects on Hibernate
// 6.6 write them, and autogenerate must read them
@SuppressWarnings("deprecation")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "external_id", nullable = false)
    UUID externalId;

    @Column(name = "first_name", length = 60)
    String firstName;

    @Column(name = "last_name", length = 80, nullable = false)
    @Comment("Family name, as printed on invoices")
    String lastName;

    @Column(length = 254, nullable = false)
    String email;

    @Enumerated(EnumType.STRING)
    @Column(length = 20, nullable = false)
    @ColumnDefault("'FREE'")
    Tier tier;

    @Enumerated(EnumType.ORDINAL)
    Priority priority;

    @Column(name = "credit_limit", precision = 12, scale = 2, nullable = false)
    @ColumnDefault("0")
    BigDecimal creditLimit;

    @Column(name = "discount_rate", precision = 5, scale = 4)
    BigDecimal discountRate;

    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> preferences;

    @Column(nullable = false)
    @ColumnDefault("true")
    boolean active;

    int visits;

    Double score;

    @Column(name = "created_local", nullable = false)
    LocalDateTime createdLocal;

    @Column(name = "created_at", nullable = false)
    @ColumnDefault("now()")
    Instant createdAt;

    @Column(name = "updated_at")
    OffsetDateTime updatedAt;

    @Embedded
    Address billing;

    @Embedded
    @AttributeOverrides({
        @AttributeOverride(name = "street", column = @Column(name = "ship_street", length = 120)),
        @AttributeOverride(name = "city", column = @Column(name = "ship_city", length = 80)),
        @AttributeOverride(name = "country", column = @Column(name = "ship_country", length = 2))
    })
    Address shipping;

    @ElementCollection
    @CollectionTable(name = "customer_tags", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag", length = 40, nullable = false)
    Set<String> tags;

    @ElementCollection
    @CollectionTable(name = "customer_phones", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    List<Phone> phones;
}

package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** UUID key, an embeddable twice, element collections, an enum, a converter, JSON and an array. */
@Entity
@Table(name = "matrix_customer")
public class Customer {
    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    UUID id;

    @Column(nullable = false, length = 100)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    Tier tier;

    @Convert(converter = MoneyConverter.class)
    Money credit;

    @Embedded
    Address home;

    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 120))
    @AttributeOverride(name = "city", column = @Column(name = "billing_city", length = 80))
    @AttributeOverride(name = "postcode", column = @Column(name = "billing_postcode", length = 12))
    Address billing;

    @Column(nullable = false)
    OffsetDateTime joinedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    String preferences;

    @JdbcTypeCode(SqlTypes.ARRAY)
    String[] nicknames;

    @ElementCollection
    @CollectionTable(name = "matrix_customer_tag")
    @Column(name = "tag", length = 40)
    Set<String> tags;

    @ElementCollection
    @CollectionTable(name = "matrix_customer_address")
    List<Address> pastAddresses;
}

package com.example.shop.v1;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** The order aggregate of model v1: the first. */
@Table("purchase_order")
public class PurchaseOrder {
    @Id
    public Long id;

    @Version
    public Long version;

    @Column("customer")
    public String customerName;

    @MappedCollection(idColumn = "order_id", keyColumn = "position")
    public List<OrderLine> lines = new ArrayList<>();

    public Set<Tag> tags = new HashSet<>();

    @Embedded(onEmpty = Embedded.OnEmpty.USE_NULL, prefix = "ship_")
    public Address shipping;

    /** A line of the order: no id of its own, kept by its position. */
    public static class OrderLine {
        public String product;
        public int quantity;
    }

    /** A tag of the order: a set, kept by its back-reference alone. */
    public static class Tag {
        public String name;
    }

    /** Where the order goes, in the order's own table. */
    public static class Address {
        public String street;
        public String city;
    }
}

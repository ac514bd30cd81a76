package dev.migrate.autogen.entity.springdata.shop;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An aggregate with every kind of property Spring Data JDBC maps. */
@Table("purchase_order")
public class PurchaseOrder {
    public enum Status {
        OPEN,
        SHIPPED
    }

    @Id
    public Long id;

    @Version
    public long version;

    @Column("customer")
    public String customerName;

    public Status status;
    public BigDecimal total;
    public UUID reference;
    public byte[] receipt;
    public LocalDateTime placedAt;
    public LocalDate due;
    public OffsetDateTime paidAt;
    public boolean gift;
    public double weight;
    public String[] labels;

    @InsertOnlyProperty
    public Instant createdAt;

    @Transient
    public String note;

    @MappedCollection(idColumn = "order_id", keyColumn = "position")
    public List<OrderLine> lines = new ArrayList<>();

    public Set<Tag> tags = new HashSet<>();

    public Map<String, Remark> remarks = new HashMap<>();

    @Embedded(onEmpty = Embedded.OnEmpty.USE_NULL, prefix = "ship_")
    public Address shipping;

    public static class OrderLine {
        public String product;
        public int quantity;
    }

    public static class Tag {
        public String name;
    }

    public static class Remark {
        public String text;
    }

    public static class Address {
        public String street;
        public String city;
    }
}

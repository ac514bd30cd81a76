package dev.migrate.autogen.entity.springdata.edge;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Sequence;
import org.springframework.data.relational.core.mapping.Table;

/** An id from a sequence, a reference to another aggregate, and a single entity held (one row per shipment). */
@Table
public class Shipment {
    @Id
    @Sequence("shipment_seq")
    public Long id;

    public AggregateReference<Carrier, Long> carrier;

    public Label label;

    public static class Label {
        public String text;
    }
}

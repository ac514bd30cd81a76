package dev.migrate.autogen.entity.matrix;

import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "matrix_order_event")
public class OrderEvent extends Event {
    @ManyToOne
    Product product;

    UUID correlation;
}

package dev.migrate.autogen.fixpoint.citusxml;

import java.math.BigDecimal;

/** Mapped in META-INF/citus-orm.xml alone: distributed by its shop, colocated with the shops. */
public class Sale {
    Long shopId;

    Long id;

    BigDecimal total;
}

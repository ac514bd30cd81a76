package dev.migrate.autogen.entity.springdata.reactive;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An entity whose id is a UUID the application assigns: no identity column. */
@Table
public class Probe {
    @Id
    public java.util.UUID id;

    public String label;
}

package dev.migrate.autogen.fixpoint.citus;

import dev.migrate.annotations.ReferenceTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** No {@code @Table}: its table is named by the provider's naming, {@code currency}. */
@Entity
@ReferenceTable
public class Currency {
    @Id
    String code;
}

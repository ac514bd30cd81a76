package dev.migrate.autogen.entity.springdata.edge;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.Table;

/** An aggregate whose Long id the application assigns, as {@link Persistable} says: no identity. */
@Table
public class Carrier implements Persistable<Long> {
    @Id
    public Long id;

    public String name;

    @Transient
    public boolean isNew;

    @Override
    public @Nullable Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }
}

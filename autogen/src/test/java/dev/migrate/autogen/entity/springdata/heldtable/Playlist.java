package dev.migrate.autogen.entity.springdata.heldtable;

import java.util.HashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** An aggregate holding a set of {@link Entry}, an entity annotated {@code @Table} too. */
@Table
public class Playlist {
    @Id
    public Long id;

    public String name;

    public Set<Entry> entries = new HashSet<>();
}

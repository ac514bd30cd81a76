package dev.migrate.autogen.entity.springdata.heldtable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An entity annotated {@code @Table} that {@link Playlist} holds: part of Playlist's aggregate, with a back-reference
 * to it, although it is found (first, by its name) among the classes annotated {@code @Table}.
 */
@Table
public class Entry {
    @Id
    public Long id;

    public String title;
}

package dev.migrate.autogen.fixpoint.seeded;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** Numbered from a row of a generator table that two entities share. */
@Entity
public class Tag {
    @Id
    @TableGenerator(
            name = "tag_ids",
            table = "id_generators",
            pkColumnName = "gen_name",
            valueColumnName = "gen_value",
            pkColumnValue = "tag")
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "tag_ids")
    Long id;

    String label;
}

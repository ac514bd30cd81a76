package dev.migrate.autogen.entity.springdata.open;

import java.time.Duration;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A property whose column type the mapping leaves open: Spring Data writes a Duration only through a converter. */
@Table
public class Booking {
    @Id
    public Long id;

    public Duration length;
}

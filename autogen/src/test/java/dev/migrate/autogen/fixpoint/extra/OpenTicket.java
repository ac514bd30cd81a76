package dev.migrate.autogen.fixpoint.extra;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.View;

/** A read-only entity over a view. */
@Entity
@Immutable
@View(query = "select id, title from tickets where closed is null")
public class OpenTicket {
    @Id
    Long id;

    String title;
}

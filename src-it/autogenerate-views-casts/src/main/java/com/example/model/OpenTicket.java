package com.example.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.View;

@Entity
@Immutable
@View(query = "select id, title from tickets where closed is null")
public class OpenTicket {
    @Id
    Long id;

    String title;
}

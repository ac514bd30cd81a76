package com.example.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "accounts")
public class Account {
    @Id
    Long id;

    @Column(length = 100, nullable = false, unique = true)
    String email;

    // an empty nickname and none at all are two different things
    @Column(length = 30)
    String nickname;

    @ManyToOne
    @JoinColumn(name = "country_id")
    Country country;
}

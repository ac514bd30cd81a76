package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Its key is the id alone, which PostgreSQL refuses on a table partitioned by created_time. */
@Entity
@Table(name = "alarm_comment")
public class AlarmComment {
    @Id
    UUID id;

    @Column(name = "created_time", nullable = false)
    long createdTime;

    @Column(length = 10000)
    String comment;
}

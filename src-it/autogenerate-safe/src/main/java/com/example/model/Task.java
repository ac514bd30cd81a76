package com.example.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** Since the first migration, agent_id became a foreign key with an index. */
@Entity
@Table(name = "tasks", indexes = @Index(name = "ix_tasks_agent", columnList = "agent_id"))
public class Task {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "agent_id", foreignKey = @ForeignKey(name = "fk_tasks_agent"))
    Agent agent;

    @Column(length = 200)
    String title;
}

package com.example.docs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Spring AI-style document: its text and its embedding, vector(3) (1536 in a real store). */
@Entity
@Table(name = "vector_store")
public class Document {
    @Id
    java.util.UUID id;

    @Column(columnDefinition = "text")
    String content;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    float[] embedding;
}

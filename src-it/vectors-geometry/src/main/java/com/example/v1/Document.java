package com.example.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A Spring AI-style document (its vector_store table): its text and its embedding, vector(3) (1536 in a real store). */
@Entity
@Table(name = "vector_store")
public class Document {
    @Id
    UUID id;

    @Column(columnDefinition = "text")
    String content;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    float[] embedding;
}

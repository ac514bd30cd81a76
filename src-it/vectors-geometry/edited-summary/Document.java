package com.example.docs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The document with a second vector column, the embedding of its summary. */
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

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    float[] summary;
}

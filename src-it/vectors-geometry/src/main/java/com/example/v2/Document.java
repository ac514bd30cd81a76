package com.example.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The document with a second embedding, of its summary. */
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

    /** A second embedding, of the summary. */
    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    float[] summary;
}

package dev.migrate.extensions.entities;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Array;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.vector.SparseFloatVector;

/** A document with its embeddings, as Spring AI's and LangChain4j's pgvector stores keep them (hibernate-vector). */
@Entity
@Table(name = "documents")
public class Document {
    @Id
    Long id;

    String content;

    @JdbcTypeCode(SqlTypes.VECTOR)
    @Array(length = 3)
    float[] embedding;

    @JdbcTypeCode(SqlTypes.VECTOR_FLOAT16)
    @Array(length = 3)
    float[] summary;

    @JdbcTypeCode(SqlTypes.SPARSE_VECTOR_FLOAT32)
    @Array(length = 5)
    SparseFloatVector keywords;

    @JdbcTypeCode(SqlTypes.VECTOR_BINARY)
    @Array(length = 8)
    byte[] signature;
}

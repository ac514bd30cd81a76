package dev.migrate.catalog.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.op.IndexKey;
import org.junit.jupiter.api.Test;

class ModelOpsIndexKeyTest {

    @Test
    void catalogKeysBecomeColumnsOrExpressions() {
        assertThat(ModelOps.indexKey("status")).isEqualTo(IndexKey.Column.of("status"));
        assertThat(ModelOps.indexKey("\"Name\"")).isEqualTo(IndexKey.Column.of("Name"));
        assertThat(ModelOps.indexKey("\"we\"\"ird\" DESC"))
                .isEqualTo(IndexKey.Column.of("we\"ird").desc());
        assertThat(ModelOps.indexKey("\"order\" NULLS FIRST"))
                .isEqualTo(IndexKey.Column.of("order").nullsFirst());
        assertThat(ModelOps.indexKey("due DESC NULLS LAST"))
                .isEqualTo(IndexKey.Column.of("due").desc().nullsLast());
        assertThat(ModelOps.indexKey("lower(email)")).isEqualTo(new IndexKey.Expression("lower(email)"));
        assertThat(ModelOps.indexKey("name text_pattern_ops"))
                .isEqualTo(new IndexKey.Expression("name text_pattern_ops"));
        assertThat(ModelOps.indexKey("name COLLATE \"C\"")).isEqualTo(new IndexKey.Expression("name COLLATE \"C\""));
    }
}

package dev.migrate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TypeSpellingTest {
    @Test
    void typesWithAShorterNameAreWrittenThatWay() {
        assertThat(TypeSpelling.written("character varying(200)")).isEqualTo("varchar(200)");
        assertThat(TypeSpelling.written("character varying")).isEqualTo("varchar");
        assertThat(TypeSpelling.written("character(1)")).isEqualTo("char(1)");
        assertThat(TypeSpelling.written("bit varying(8)")).isEqualTo("varbit(8)");
        assertThat(TypeSpelling.written("timestamp(6) with time zone")).isEqualTo("timestamptz");
        assertThat(TypeSpelling.written("timestamp with time zone")).isEqualTo("timestamptz");
        assertThat(TypeSpelling.written("timestamp(3) with time zone")).isEqualTo("timestamptz(3)");
        assertThat(TypeSpelling.written("timestamp without time zone")).isEqualTo("timestamp");
        assertThat(TypeSpelling.written("time(6) with time zone")).isEqualTo("timetz");
        assertThat(TypeSpelling.written("time without time zone")).isEqualTo("time");
        assertThat(TypeSpelling.written("character varying(20)[]")).isEqualTo("varchar(20)[]");
    }

    @Test
    void otherTypesAndShortNamesStayAsTheyAre() {
        assertThat(TypeSpelling.written("integer")).isEqualTo("integer");
        assertThat(TypeSpelling.written("bigint")).isEqualTo("bigint");
        assertThat(TypeSpelling.written("boolean")).isEqualTo("boolean");
        assertThat(TypeSpelling.written("numeric(12,2)")).isEqualTo("numeric(12,2)");
        assertThat(TypeSpelling.written("double precision")).isEqualTo("double precision");
        assertThat(TypeSpelling.written("varchar(20)")).isEqualTo("varchar(20)");
        assertThat(TypeSpelling.written("\"character varying\"")).isEqualTo("\"character varying\"");
    }
}

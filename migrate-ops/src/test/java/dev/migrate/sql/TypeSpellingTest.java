package dev.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeSpellingTest {
    @Test
    void catalogTypeNamesBecomeTheShortNamesPeopleWrite() {
        assertThat(TypeSpelling.written("character varying(20)")).isEqualTo("varchar(20)");
        assertThat(TypeSpelling.written("character varying")).isEqualTo("varchar");
        assertThat(TypeSpelling.written("character varying(20)[]")).isEqualTo("varchar(20)[]");
        assertThat(TypeSpelling.written("character(1)")).isEqualTo("char(1)");
        assertThat(TypeSpelling.written("timestamp(3) without time zone")).isEqualTo("timestamp(3)");
        assertThat(TypeSpelling.written("timestamp without time zone")).isEqualTo("timestamp");
        assertThat(TypeSpelling.written("timestamp with time zone")).isEqualTo("timestamptz");
        // a precision that is the default goes: Hibernate writes (6), people do not
        assertThat(TypeSpelling.written("timestamp(6) with time zone")).isEqualTo("timestamptz");
        assertThat(TypeSpelling.written("timestamp(6) with time zone[]")).isEqualTo("timestamptz[]");
        assertThat(TypeSpelling.written("timestamp(6) without time zone")).isEqualTo("timestamp");
        assertThat(TypeSpelling.written("time(6) without time zone")).isEqualTo("time");
        assertThat(TypeSpelling.written("time(6) with time zone")).isEqualTo("timetz");
        assertThat(TypeSpelling.written("interval(6)")).isEqualTo("interval");
        assertThat(TypeSpelling.written("timestamptz(6)")).isEqualTo("timestamptz");
        assertThat(TypeSpelling.written("timestamp(5) with time zone")).isEqualTo("timestamptz(5)");
        assertThat(TypeSpelling.written("numeric(6)")).isEqualTo("numeric(6)");
        assertThat(TypeSpelling.written("numeric")).isEqualTo("numeric");
        assertThat(TypeSpelling.written("time(0) with time zone")).isEqualTo("timetz(0)");
        assertThat(TypeSpelling.written("time without time zone")).isEqualTo("time");
        assertThat(TypeSpelling.written("bit varying(8)")).isEqualTo("varbit(8)");
        // already short, or no shorter name PostgreSQL prints back the same
        for (String same : List.of(
                "integer",
                "bigint",
                "smallint",
                "boolean",
                "text",
                "uuid",
                "double precision",
                "numeric(10,2)",
                "jsonb",
                "interval",
                "app.mood",
                "\"character varying\"",
                "bpchar")) {
            assertThat(TypeSpelling.written(same)).isEqualTo(same);
        }
    }
}

package dev.migrate.autogen.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a change of a few entities' DDL may do to the model's, on the statements alone. */
class DdlDeltaTest {
    private static final List<String> MODEL = List.of(
            "create sequence a_SEQ start with 1 increment by 50",
            "create table a (id bigint not null, code varchar(20) not null, primary key (id), constraint a_code unique (code))",
            "create table b (id bigint not null, a_code varchar(20), primary key (id))",
            "alter table if exists b add constraint FKb foreign key (a_code) references a (code)");

    private final List<String> why = new ArrayList<>();

    private Optional<List<String>> apply(List<String> before, List<String> after) {
        return DdlDelta.apply(MODEL, before, after, why::add);
    }

    @Test
    void noDifferenceLeavesTheModelAsItIs() {
        assertThat(apply(List.of(MODEL.get(2)), List.of(MODEL.get(2)))).contains(MODEL);
        assertThat(why).isEmpty();
    }

    @Test
    void aColumnAddedReplacesTheTableInPlace() {
        String b = "create table b (id bigint not null, a_code varchar(20), note varchar(255), primary key (id))";
        assertThat(apply(List.of(MODEL.get(2)), List.of(b)))
                .contains(List.of(MODEL.get(0), MODEL.get(1), b, MODEL.get(3)));
    }

    @Test
    void aColumnAnotherTableRefersToByNameMayNotChange() {
        String a = "create table a (id bigint not null, code varchar(40) not null, primary key (id),"
                + " constraint a_code unique (code))";
        assertThat(apply(List.of(MODEL.get(1)), List.of(a))).isEmpty();
        assertThat(why).containsExactly("the column a.code, which other tables refer to, changed");
    }

    @Test
    void aSequenceChangedIsDescribedWhole() {
        assertThat(apply(List.of(MODEL.get(0)), List.of("create sequence a_SEQ start with 1 increment by 1")))
                .isEmpty();
        assertThat(why)
                .containsExactly("the change writes a statement other than a table's, an index or a constraint"
                        + " (create sequence a_SEQ)");
    }

    @Test
    void aNewTableOfANameTheModelHasIsDescribedWhole() {
        assertThat(apply(List.of(), List.of("create table b (id bigint not null, primary key (id))")))
                .isEmpty();
        assertThat(why).containsExactly("the new table b is one the model has already");
    }

    @Test
    void aNewIndexGoesAfterTheTablesAndAConstraintOfANewTableAfterTheOthers() {
        String c = "create table c (id bigint not null, b_id bigint, primary key (id))";
        String index = "create index c_b on c (b_id)";
        String fk = "alter table if exists c add constraint FKc foreign key (b_id) references b";
        assertThat(apply(List.of(), List.of(c, index, fk)))
                .contains(List.of(MODEL.get(0), MODEL.get(1), MODEL.get(2), c, index, MODEL.get(3), fk));
    }
}

package dev.migrate.internal.runtime;

import static dev.migrate.Ddl.column;

import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

/**
 * A chain of 30 revisions, with data steps, two labelled branches and their merge, and a squash of
 * its first 24 (up to {@code c20}): each revision creates table {@code t<n>}, and the data steps
 * insert into the table before them by {@code execute}, {@code bulkInsert} or JDBC.
 */
final class SquashChain {
    private SquashChain() {}

    /** Creates table {@code t<n>}, then runs its data step, if any; the downgrade drops the table. */
    abstract static class TableStep implements Migration {
        private final int n;
        private final String data;

        TableStep(int n, String data) {
            this.n = n;
            this.data = data;
        }

        @Override
        public void upgrade(Operations op) {
            op.createTable("t" + n, column("id", "int").primaryKey(), column("v", "text"));
            dataStep(op, n, data);
        }

        @Override
        public void downgrade(Operations op) {
            op.dropTable("t" + n);
        }
    }

    /** The data step of revision {@code n}: a row in {@code t<n>} saying how it got there. */
    static void dataStep(Operations op, int n, String data) {
        switch (data) {
            case "execute" -> op.execute("INSERT INTO t" + n + " (id, v) VALUES (" + n + ", 'execute')");
            case "bulk" -> op.bulkInsert("t" + n, List.of(Map.of("id", n, "v", "bulk")));
            case "jdbc" ->
                op.jdbc(c -> {
                    try (PreparedStatement s =
                            c.prepareStatement("INSERT INTO t" + n + " (id, v) VALUES (?, 'jdbc')")) {
                        s.setInt(1, n);
                        s.executeUpdate();
                    }
                });
            default -> {}
        }
    }

    @Revision(id = "c01")
    public static class C01 extends TableStep {
        public C01() {
            super(1, "");
        }
    }

    @Revision(id = "c02", revises = "c01")
    public static class C02 extends TableStep {
        public C02() {
            super(2, "");
        }
    }

    @Revision(id = "c03", revises = "c02")
    public static class C03 extends TableStep {
        public C03() {
            super(3, "execute");
        }
    }

    @Revision(id = "c04", revises = "c03")
    public static class C04 extends TableStep {
        public C04() {
            super(4, "");
        }
    }

    @Revision(id = "c05", revises = "c04")
    public static class C05 extends TableStep {
        public C05() {
            super(5, "bulk");
        }
    }

    @Revision(id = "c06", revises = "c05")
    public static class C06 extends TableStep {
        public C06() {
            super(6, "");
        }
    }

    @Revision(id = "c07", revises = "c06")
    public static class C07 extends TableStep {
        public C07() {
            super(7, "jdbc");
        }
    }

    @Revision(id = "c08", revises = "c07")
    public static class C08 extends TableStep {
        public C08() {
            super(8, "");
        }
    }

    @Revision(id = "c09a", revises = "c08", branchLabels = "a")
    public static class C09A extends TableStep {
        public C09A() {
            super(9, "");
        }
    }

    @Revision(id = "c10a", revises = "c09a")
    public static class C10A extends TableStep {
        public C10A() {
            super(10, "execute");
        }
    }

    @Revision(id = "c11a", revises = "c10a")
    public static class C11A extends TableStep {
        public C11A() {
            super(11, "");
        }
    }

    @Revision(id = "c12a", revises = "c11a")
    public static class C12A extends TableStep {
        public C12A() {
            super(12, "");
        }
    }

    @Revision(id = "c09b", revises = "c08", branchLabels = "b")
    public static class C09B extends TableStep {
        public C09B() {
            super(13, "");
        }
    }

    @Revision(id = "c10b", revises = "c09b")
    public static class C10B extends TableStep {
        public C10B() {
            super(14, "");
        }
    }

    @Revision(id = "c11b", revises = "c10b")
    public static class C11B extends TableStep {
        public C11B() {
            super(15, "bulk");
        }
    }

    @Revision(id = "c12b", revises = "c11b")
    public static class C12B extends TableStep {
        public C12B() {
            super(16, "");
        }
    }

    @Revision(
            id = "c13",
            revises = {"c12a", "c12b"})
    public static class C13 extends TableStep {
        public C13() {
            super(17, "");
        }
    }

    @Revision(id = "c14", revises = "c13")
    public static class C14 extends TableStep {
        public C14() {
            super(18, "");
        }
    }

    @Revision(id = "c15", revises = "c14")
    public static class C15 extends TableStep {
        public C15() {
            super(19, "");
        }
    }

    @Revision(id = "c16", revises = "c15")
    public static class C16 extends TableStep {
        public C16() {
            super(20, "");
        }
    }

    @Revision(id = "c17", revises = "c16")
    public static class C17 extends TableStep {
        public C17() {
            super(21, "");
        }
    }

    @Revision(id = "c18", revises = "c17")
    public static class C18 extends TableStep {
        public C18() {
            super(22, "execute");
        }
    }

    @Revision(id = "c19", revises = "c18")
    public static class C19 extends TableStep {
        public C19() {
            super(23, "");
        }
    }

    @Revision(id = "c20", revises = "c19")
    public static class C20 extends TableStep {
        public C20() {
            super(24, "");
        }
    }

    @Revision(id = "c21", revises = "c20")
    public static class C21 extends TableStep {
        public C21() {
            super(25, "");
        }
    }

    @Revision(id = "c22", revises = "c21")
    public static class C22 extends TableStep {
        public C22() {
            super(26, "");
        }
    }

    @Revision(id = "c23", revises = "c22")
    public static class C23 extends TableStep {
        public C23() {
            super(27, "execute");
        }
    }

    @Revision(id = "c24", revises = "c23")
    public static class C24 extends TableStep {
        public C24() {
            super(28, "");
        }
    }

    @Revision(id = "c25", revises = "c24")
    public static class C25 extends TableStep {
        public C25() {
            super(29, "");
        }
    }

    @Revision(id = "c26", revises = "c25")
    public static class C26 extends TableStep {
        public C26() {
            super(30, "");
        }
    }

    /** The squash of c01 to c20: the 24 tables and the rows their data steps inserted. */
    @Revision(
            id = "s20",
            message = "squash up to c20",
            replaces = {
                "c01", "c02", "c03", "c04", "c05", "c06", "c07", "c08", "c09a", "c10a", "c11a", "c12a", "c09b", "c10b",
                "c11b", "c12b", "c13", "c14", "c15", "c16", "c17", "c18", "c19", "c20"
            })
    public static class S20 implements Migration {
        @Override
        public void upgrade(Operations op) {
            for (int n = 1; n <= 24; n++) {
                op.createTable("t" + n, column("id", "int").primaryKey(), column("v", "text"));
            }
            dataStep(op, 3, "execute");
            dataStep(op, 5, "bulk");
            dataStep(op, 7, "jdbc");
            dataStep(op, 10, "execute");
            dataStep(op, 15, "bulk");
            dataStep(op, 22, "execute");
        }

        @Override
        public void downgrade(Operations op) {
            for (int n = 24; n >= 1; n--) {
                op.dropTable("t" + n);
            }
        }
    }

    /** The whole chain, without the squash. */
    static final Class<?>[] CHAIN = {
        C01.class,
        C02.class,
        C03.class,
        C04.class,
        C05.class,
        C06.class,
        C07.class,
        C08.class,
        C09A.class,
        C10A.class,
        C11A.class,
        C12A.class,
        C09B.class,
        C10B.class,
        C11B.class,
        C12B.class,
        C13.class,
        C14.class,
        C15.class,
        C16.class,
        C17.class,
        C18.class,
        C19.class,
        C20.class,
        C21.class,
        C22.class,
        C23.class,
        C24.class,
        C25.class,
        C26.class
    };

    /** The revisions after c20, which stay once the replaced ones are deleted. */
    static final Class<?>[] AFTER = {C21.class, C22.class, C23.class, C24.class, C25.class, C26.class};
}

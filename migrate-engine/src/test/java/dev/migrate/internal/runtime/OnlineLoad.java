package dev.migrate.internal.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The applications of a concurrency harness for online migrations: a fixed number of slots, each an
 * instance of an application with a connection of its own, writing to the table {@code account} through
 * the shape of the revision it was built for (the table itself for the first revision, the revision's
 * schema of views for the others). A rolling deploy is a slot that stops and starts again with another
 * shape.
 *
 * <p>Each transaction is what a busy application does: an update of one of its rows (the column the
 * migration changes, or other columns), the row read back, now and then an insert, a delete, or an update
 * of the key that moves the row behind or ahead of the backfill's cursor. Each slot writes only its own
 * rows, so the model of what each row must hold is exact: the values its last committed writer gave, as
 * the shape it is read through shows them. Any failed transaction and any row read back otherwise is a
 * failure, kept with its message.
 */
final class OnlineLoad {
    /**
     * How an application sees {@code account}: its search path, the table's name, and the column each
     * logical column has (absent when the shape hides it).
     */
    record Shape(String name, String searchPath, String table, Map<String, String> columns) {
        static final List<String> LOGICAL = List.of("balance", "email", "status", "score", "customer", "note");

        static Shape first() {
            Map<String, String> columns = new HashMap<>();
            for (String logical : LOGICAL) {
                columns.put(logical, logical.equals("customer") ? "customer_id" : logical);
            }
            return new Shape("revision before", "public", "account", columns);
        }

        /** The shape of {@code revision}: its schema of views first in the search path. */
        Shape of(String revision) {
            return new Shape("revision " + revision, "public_" + revision + ", public", table, columns);
        }

        /** The tables themselves once a revision is completed, read with no schema of views. */
        Shape completed() {
            return new Shape("the tables after complete", "public", table, columns);
        }

        Shape renaming(String logical, String column) {
            Map<String, String> renamed = new HashMap<>(columns);
            renamed.put(logical, column);
            return new Shape(name, searchPath, table, renamed);
        }

        Shape hiding(String logical) {
            Map<String, String> hidden = new HashMap<>(columns);
            hidden.remove(logical);
            return new Shape(name, searchPath, table, hidden);
        }

        Shape table(String newTable) {
            return new Shape(name, searchPath, newTable, columns);
        }

        List<String> visible() {
            return LOGICAL.stream().filter(columns::containsKey).toList();
        }
    }

    /** A row as its last writer wrote it, the shape it wrote through, and the slot whose row it is. */
    record Row(Map<String, @Nullable Object> values, Shape writtenBy, int slot) {}

    /**
     * What the values an application writes look like, and what a shape reads of a row another shape
     * wrote: the expressions of the online change ({@code up}, {@code down}) at work.
     */
    interface Values {
        /** The value {@code shape} writes into the logical column. */
        @Nullable
        Object write(Shape shape, String logical, long id, long serial, Random random);

        /** What {@code reader} sees of a value {@code writer} wrote; the value itself by default. */
        default @Nullable Object read(Shape writer, Shape reader, String logical, @Nullable Object value) {
            return value;
        }

        /** Values that every shape takes as they are: each column given from the row's id and a serial. */
        static Values plain() {
            return (shape, logical, id, serial, random) -> plainValue(logical, id, serial, random);
        }

        static @Nullable Object plainValue(String logical, long id, long serial, Random random) {
            return switch (logical) {
                case "balance" -> (long) random.nextInt(1_000_000);
                case "email" -> "u" + id + "-" + serial + "@example.com";
                case "status" -> random.nextBoolean() ? "old" : "active";
                case "score" -> random.nextInt(100);
                case "customer" -> random.nextInt(5) == 0 ? null : (long) (1 + random.nextInt(CUSTOMERS));
                default -> "note " + serial;
            };
        }
    }

    /** Rows of {@code customers} that {@code account.customer_id} may name. */
    static final int CUSTOMERS = 50;

    private static final long INSERTED_IDS = 100_000_000L;
    private static final long AHEAD = 1_000_000_000L;

    private final DataSource db;
    private final int slots;
    private final Values values;
    private final Map<Long, Row> rows = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final List<Writer> running = new ArrayList<>();
    /** The next id each slot inserts: its own, never used before. */
    private final AtomicLong[] nextInsert;

    OnlineLoad(DataSource db, int slots, Values values) {
        this.db = db;
        this.slots = slots;
        this.values = values;
        this.nextInsert = new AtomicLong[slots];
        for (int slot = 0; slot < slots; slot++) {
            nextInsert[slot] = new AtomicLong(INSERTED_IDS + slot);
        }
    }

    /**
     * Creates {@code customers} and {@code account} with {@code count} rows through {@code shape} (the
     * first revision's), owned by the slots in turn.
     */
    void fill(Shape shape, int count) throws SQLException {
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, " + CUSTOMERS + ") g");
            Random random = new Random(count);
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement(insertSql(shape))) {
                for (long id = 1; id <= count; id++) {
                    Map<String, @Nullable Object> row = new HashMap<>();
                    for (String logical : shape.visible()) {
                        row.put(logical, values.write(shape, logical, id, 0, random));
                    }
                    bind(insert, shape, id, row);
                    insert.addBatch();
                    rows.put(id, new Row(row, shape, (int) (id % slots)));
                    if (id % 1000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            s.execute("ANALYZE account");
        }
    }

    /** Starts one application in each slot of {@code shapes} (slot to shape); the others stay idle. */
    void start(Map<Integer, Shape> shapes) {
        for (Map.Entry<Integer, Shape> slot : shapes.entrySet()) {
            Writer writer = new Writer(slot.getKey(), slot.getValue());
            running.add(writer);
            writer.thread.start();
        }
    }

    /** Starts {@code shape}'s application in every slot. */
    void startAll(Shape shape) {
        Map<Integer, Shape> all = new HashMap<>();
        for (int slot = 0; slot < slots; slot++) {
            all.put(slot, shape);
        }
        start(all);
    }

    /** Stops every running application after its transaction at hand. */
    void stop() throws InterruptedException {
        for (Writer writer : running) {
            writer.stopping = true;
        }
        for (Writer writer : running) {
            writer.thread.join(60_000);
            if (writer.thread.isAlive()) {
                failures.add(writer.shape.name() + " in slot " + writer.slot + " did not stop within a minute");
            }
        }
        running.clear();
    }

    /** Waits until every running application has committed {@code transactions} more, or a failure came. */
    void awaitTransactions(long transactions) throws InterruptedException {
        long target = committed.get() + transactions;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (committed.get() < target && failures.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    long committed() {
        return committed.get();
    }

    long longestTransactionMillis() {
        return longestNanos.get() / 1_000_000;
    }

    /**
     * The differences between the rows {@code shape} reads and those the model says it must, by id: a row
     * missing, one there twice or not written, a value that is not its last writer's. Empty when they agree.
     */
    List<String> differences(Shape shape) throws SQLException {
        List<String> differences = new ArrayList<>();
        Map<Long, Map<String, @Nullable Object>> read = new HashMap<>();
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SET search_path = " + shape.searchPath());
            try (ResultSet rs = s.executeQuery(selectSql(shape, ""))) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Map<String, @Nullable Object> row = readRow(rs, shape);
                    if (read.put(id, row) != null) {
                        differences.add("row " + id + " read twice through " + shape.name());
                    }
                }
            }
        }
        for (Map.Entry<Long, Row> expected : rows.entrySet()) {
            Map<String, @Nullable Object> got = read.remove(expected.getKey());
            if (got == null) {
                differences.add("row " + expected.getKey() + " missing through " + shape.name());
                continue;
            }
            Map<String, @Nullable Object> want = expectedThrough(expected.getValue(), shape);
            if (!want.equals(got)) {
                differences.add(
                        "row " + expected.getKey() + " through " + shape.name() + ": " + got + ", its last writer ("
                                + expected.getValue().writtenBy().name() + ") gave " + want);
            }
        }
        for (Long extra : read.keySet()) {
            differences.add("row " + extra + " through " + shape.name() + " was never committed");
        }
        return differences.size() > 10 ? differences.subList(0, 10) : differences;
    }

    int rowCount() {
        return rows.size();
    }

    private Map<String, @Nullable Object> expectedThrough(Row row, Shape reader) {
        Map<String, @Nullable Object> want = new HashMap<>();
        for (String logical : reader.visible()) {
            want.put(
                    logical,
                    values.read(row.writtenBy(), reader, logical, row.values().get(logical)));
        }
        return want;
    }

    private static String insertSql(Shape shape) {
        List<String> names = new ArrayList<>(List.of("id"));
        List<String> marks = new ArrayList<>(List.of("?"));
        for (String logical : shape.visible()) {
            names.add(shape.columns().get(logical));
            marks.add("?");
        }
        return "INSERT INTO " + shape.table() + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", marks) + ")";
    }

    private static String selectSql(Shape shape, String where) {
        List<String> names = new ArrayList<>(List.of("id"));
        for (String logical : shape.visible()) {
            names.add(shape.columns().get(logical));
        }
        return "SELECT " + String.join(", ", names) + " FROM " + shape.table() + where;
    }

    private static void bind(PreparedStatement s, Shape shape, long id, Map<String, @Nullable Object> row)
            throws SQLException {
        s.setLong(1, id);
        int i = 2;
        for (String logical : shape.visible()) {
            bindValue(s, i++, logical, row.get(logical));
        }
    }

    private static void bindValue(PreparedStatement s, int index, String logical, @Nullable Object value)
            throws SQLException {
        if (value == null) {
            s.setNull(
                    index,
                    logical.equals("customer") || logical.equals("balance")
                            ? Types.BIGINT
                            : logical.equals("score") ? Types.INTEGER : Types.VARCHAR);
        } else {
            s.setObject(index, value);
        }
    }

    private static Map<String, @Nullable Object> readRow(ResultSet rs, Shape shape) throws SQLException {
        Map<String, @Nullable Object> row = new HashMap<>();
        int i = 2;
        for (String logical : shape.visible()) {
            Object value = rs.getObject(i++);
            // integer and bigint are one value to the model
            row.put(
                    logical,
                    value instanceof Integer n && !logical.equals("score")
                            ? Long.valueOf(n)
                            : value instanceof Long n && logical.equals("score")
                                    ? Integer.valueOf(n.intValue())
                                    : value);
        }
        return row;
    }

    /** One instance of an application, in its slot, until it is told to stop. */
    private final class Writer {
        final int slot;
        final Shape shape;
        final Thread thread;
        final Random random;
        volatile boolean stopping;
        long serial;

        Writer(int slot, Shape shape) {
            this.slot = slot;
            this.shape = shape;
            this.random = new Random(31L * slot + shape.name().hashCode());
            this.thread = new Thread(this::run, "online load: " + shape.name() + ", slot " + slot);
            this.thread.setDaemon(true);
        }

        private void run() {
            try (Connection c = db.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET search_path = " + shape.searchPath());
                }
                c.setAutoCommit(false);
                List<Long> mine = new ArrayList<>();
                for (Map.Entry<Long, Row> row : rows.entrySet()) {
                    if (row.getValue().slot() == slot) {
                        mine.add(row.getKey());
                    }
                }
                while (!stopping) {
                    Map<Long, @Nullable Row> written = new HashMap<>();
                    long start = System.nanoTime();
                    try {
                        transaction(c, mine, written);
                        c.commit();
                    } catch (SQLException | RuntimeException e) {
                        failures.add(shape.name() + " in slot " + slot + ": " + e.getMessage());
                        try {
                            c.rollback();
                        } catch (SQLException ignored) {
                            // the failure is recorded; the connection may be gone
                        }
                        Thread.sleep(20);
                        continue;
                    }
                    longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
                    for (Map.Entry<Long, @Nullable Row> w : written.entrySet()) {
                        if (w.getValue() == null) {
                            rows.remove(w.getKey());
                            mine.remove(w.getKey());
                        } else {
                            if (!rows.containsKey(w.getKey())) {
                                mine.add(w.getKey());
                            }
                            rows.put(w.getKey(), w.getValue());
                        }
                    }
                    committed.incrementAndGet();
                }
            } catch (SQLException e) {
                failures.add(shape.name() + " in slot " + slot + " could not connect: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** One transaction; {@code written} gets what it wrote, null for a row it deleted. */
        private void transaction(Connection c, List<Long> mine, Map<Long, @Nullable Row> written) throws SQLException {
            int action = random.nextInt(100);
            if (mine.isEmpty() || action < 10) {
                long id = nextInsert[slot].getAndAdd(slots);
                Map<String, @Nullable Object> row = new HashMap<>();
                for (String logical : shape.visible()) {
                    row.put(logical, values.write(shape, logical, id, ++serial, random));
                }
                try (PreparedStatement s = c.prepareStatement(insertSql(shape))) {
                    bind(s, shape, id, row);
                    s.executeUpdate();
                }
                written.put(id, new Row(merged(null, row), shape, slot));
                readBack(c, id, row);
                return;
            }
            long id = mine.get(random.nextInt(mine.size()));
            Row before = Objects.requireNonNull(rows.get(id));
            if (action < 14) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + shape.table() + " WHERE id = ?")) {
                    s.setLong(1, id);
                    expectOne(s.executeUpdate(), id);
                }
                written.put(id, null);
                return;
            }
            Map<String, @Nullable Object> row = new HashMap<>(expectedThrough(before, shape));
            List<String> changed = new ArrayList<>();
            if (action < 60) {
                // the column a migration is most likely to change, with another
                changed.add("balance");
                changed.add(
                        shape.visible().get(1 + random.nextInt(shape.visible().size() - 1)));
            } else {
                changed.add(
                        shape.visible().get(1 + random.nextInt(shape.visible().size() - 1)));
            }
            changed.retainAll(shape.visible());
            for (String logical : changed) {
                row.put(logical, values.write(shape, logical, id, ++serial, random));
            }
            long newId = id;
            if (action >= 96 && id > 0 && id < AHEAD) {
                // behind the backfill's cursor, or ahead of it
                newId = action % 2 == 0 ? -id : id + AHEAD;
            }
            List<String> sets = new ArrayList<>();
            if (newId != id) {
                sets.add("id = " + newId);
            }
            for (String logical : changed) {
                sets.add(shape.columns().get(logical) + " = ?");
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE " + shape.table() + " SET " + String.join(", ", sets) + " WHERE id = ?")) {
                int i = 1;
                for (String logical : changed) {
                    bindValue(s, i++, logical, row.get(logical));
                }
                s.setLong(i, id);
                expectOne(s.executeUpdate(), id);
            }
            if (newId != id) {
                written.put(id, null);
            }
            // what the row holds now: the columns this shape hides keep what the trigger gives them
            written.put(newId, new Row(merged(before, row), shape, slot));
            readBack(c, newId, row);
        }

        /**
         * The row as the model keeps it after this shape wrote {@code row}: the columns it hides are what
         * the shape that wrote them last left, as this shape's writes carry them on.
         */
        private Map<String, @Nullable Object> merged(@Nullable Row before, Map<String, @Nullable Object> row) {
            Map<String, @Nullable Object> merged = new HashMap<>();
            for (String logical : Shape.LOGICAL) {
                merged.put(
                        logical,
                        row.containsKey(logical) || before == null
                                ? row.get(logical)
                                : before.values().get(logical));
            }
            return merged;
        }

        private void readBack(Connection c, long id, Map<String, @Nullable Object> wrote) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(selectSql(shape, " WHERE id = ?"))) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("row " + id + " is not there right after it was written");
                    }
                    Map<String, @Nullable Object> got = readRow(rs, shape);
                    Map<String, @Nullable Object> want = new HashMap<>();
                    for (String logical : shape.visible()) {
                        want.put(logical, wrote.get(logical));
                    }
                    if (!got.equals(want)) {
                        throw new IllegalStateException(
                                "row " + id + " reads " + got + " right after " + want + " was written");
                    }
                }
            }
        }

        private void expectOne(int count, long id) {
            if (count != 1) {
                throw new IllegalStateException(count + " rows of id " + id + " written, not one");
            }
        }
    }
}

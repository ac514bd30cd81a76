package dev.migrate.tooling;

import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import dev.migrate.op.SqlOp;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Precondition} as the Java expression that builds it, in JavaPoet's {@code CodeBlock} format
 * ({@code $T} a class, {@code $S} a string literal or {@code null}, {@code $L} as is, {@code $W} where the line may
 * wrap), so each module that writes Java (autogenerate's writer, the import's) writes it the same way with its own
 * JavaPoet, imports and all: {@code new Precondition.Not(new Precondition.TableExists(QualifiedName.parse("person")))}.
 *
 * @param format the format, for {@code CodeBlock.of(format, args.toArray())}
 * @param args its arguments, in order
 */
public record PreconditionCode(String format, List<@Nullable Object> args) {

    public PreconditionCode {
        args = java.util.Collections.unmodifiableList(new ArrayList<>(args));
    }

    /** The expression that builds {@code p}. */
    public static PreconditionCode of(Precondition p) {
        List<@Nullable Object> args = new ArrayList<>();
        String format = write(p, args);
        return new PreconditionCode(format, args);
    }

    /**
     * The outcomes an {@code op.guard} call names after its precondition: {@code Precondition.OnFail.MARK_RAN}, and
     * {@code onError} after it when it is not Liquibase's default, {@code HALT}
     * ({@code Precondition.OnFail.MARK_RAN, Precondition.OnFail.WARN}).
     */
    public static PreconditionCode outcomes(SqlOp.Guard guard) {
        List<@Nullable Object> args = new ArrayList<>();
        args.add(Precondition.OnFail.class);
        args.add(guard.onFail().name());
        if (guard.onError() == null) {
            return new PreconditionCode("$T.$L", args);
        }
        args.add(Precondition.OnFail.class);
        args.add(guard.errorOutcome().name());
        return new PreconditionCode("$T.$L,$W$T.$L", args);
    }

    private static String write(Precondition p, List<@Nullable Object> args) {
        args.add(p.getClass());
        if (p instanceof Precondition.TableExists t) {
            return named(t.table(), args);
        } else if (p instanceof Precondition.ViewExists v) {
            return named(v.view(), args);
        } else if (p instanceof Precondition.SequenceExists s) {
            return named(s.sequence(), args);
        } else if (p instanceof Precondition.TableIsEmpty e) {
            return named(e.table(), args);
        } else if (p instanceof Precondition.ColumnExists c) {
            args.add(QualifiedName.class);
            args.add(c.table().text());
            args.add(c.column());
            return "new $T($T.parse($S),$W$S)";
        } else if (p instanceof Precondition.RowCount r) {
            args.add(QualifiedName.class);
            args.add(r.table().text());
            args.add(r.rows() + "L");
            return "new $T($T.parse($S),$W$L)";
        } else if (p instanceof Precondition.IndexExists i) {
            args.add(i.schema());
            args.add(i.index());
            args.add(i.table());
            args.add(List.class);
            StringBuilder format = new StringBuilder("new $T($S,$W$S,$W$S,$W$T.of(");
            for (int n = 0; n < i.columns().size(); n++) {
                format.append(n == 0 ? "$S" : ",$W$S");
                args.add(i.columns().get(n));
            }
            return format.append("))").toString();
        } else if (p instanceof Precondition.PrimaryKeyExists k) {
            args.add(k.schema());
            args.add(k.table());
            args.add(k.name());
            return "new $T($S,$W$S,$W$S)";
        } else if (p instanceof Precondition.ForeignKeyExists f) {
            args.add(f.schema());
            args.add(f.table());
            args.add(f.name());
            return "new $T($S,$W$S,$W$S)";
        } else if (p instanceof Precondition.SqlCheck q) {
            args.add(q.query());
            args.add(q.expected());
            return "new $T($S,$W$S)";
        } else if (p instanceof Precondition.LiquibaseChangeSetRan r) {
            args.add(QualifiedName.class);
            args.add(r.history().text());
            args.add(r.file());
            args.add(r.id());
            args.add(r.author());
            return "new $T($T.parse($S),$W$S,$W$S,$W$S)";
        } else if (p instanceof Precondition.And a) {
            return list(a.all(), args);
        } else if (p instanceof Precondition.Or o) {
            return list(o.any(), args);
        } else if (p instanceof Precondition.Not n) {
            return "new $T(" + write(n.precondition(), args) + ")";
        }
        throw new IllegalArgumentException("No Java for the precondition " + p);
    }

    private static String named(QualifiedName name, List<@Nullable Object> args) {
        args.add(QualifiedName.class);
        args.add(name.text());
        return "new $T($T.parse($S))";
    }

    private static String list(List<Precondition> parts, List<@Nullable Object> args) {
        args.add(List.class);
        StringBuilder format = new StringBuilder("new $T($T.of(");
        for (int n = 0; n < parts.size(); n++) {
            format.append(n == 0 ? "" : ",$W").append(write(parts.get(n), args));
        }
        return format.append("))").toString();
    }
}

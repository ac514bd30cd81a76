package dev.migrate.autogen.internal.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.migrate.op.Precondition;
import dev.migrate.op.QualifiedName;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Precondition} as the Java expression that builds it, for the {@code op.guard(...)} of an
 * imported revision: {@code new Precondition.Not(new Precondition.TableExists(QualifiedName.parse("person")))}.
 * Commas may wrap, so a deep tree stays within the line width.
 */
final class PreconditionJava {
    private static final ClassName NAME = ClassName.get(QualifiedName.class);

    private PreconditionJava() {}

    static CodeBlock of(Precondition p) {
        ClassName type = ClassName.get(p.getClass());
        if (p instanceof Precondition.TableExists t) {
            return named(type, t.table());
        } else if (p instanceof Precondition.ViewExists v) {
            return named(type, v.view());
        } else if (p instanceof Precondition.SequenceExists s) {
            return named(type, s.sequence());
        } else if (p instanceof Precondition.TableIsEmpty e) {
            return named(type, e.table());
        } else if (p instanceof Precondition.ColumnExists c) {
            return CodeBlock.of(
                    "new $T($T.parse($S),$W$S)", type, NAME, c.table().text(), c.column());
        } else if (p instanceof Precondition.RowCount r) {
            return CodeBlock.of(
                    "new $T($T.parse($S),$W$LL)", type, NAME, r.table().text(), r.rows());
        } else if (p instanceof Precondition.IndexExists i) {
            CodeBlock columns = list(i.columns(), column -> CodeBlock.of("$S", column));
            return CodeBlock.of("new $T($S,$W$S,$W$S,$W$L)", type, i.schema(), i.index(), i.table(), columns);
        } else if (p instanceof Precondition.PrimaryKeyExists k) {
            return CodeBlock.of("new $T($S,$W$S,$W$S)", type, k.schema(), k.table(), k.name());
        } else if (p instanceof Precondition.ForeignKeyExists f) {
            return CodeBlock.of("new $T($S,$W$S,$W$S)", type, f.schema(), f.table(), f.name());
        } else if (p instanceof Precondition.SqlCheck q) {
            return CodeBlock.of(
                    "new $T($L,$W$S)", type, OpJavaRenderer.literal(q.query(), JavaLayout.EXECUTE_ROOM), q.expected());
        } else if (p instanceof Precondition.And a) {
            return CodeBlock.of("new $T($L)", type, list(a.all(), PreconditionJava::of));
        } else if (p instanceof Precondition.Or o) {
            return CodeBlock.of("new $T($L)", type, list(o.any(), PreconditionJava::of));
        } else if (p instanceof Precondition.Not n) {
            return CodeBlock.of("new $T($L)", type, of(n.precondition()));
        }
        throw new IllegalArgumentException("No Java for the precondition " + p);
    }

    private static CodeBlock named(ClassName type, QualifiedName name) {
        return CodeBlock.of("new $T($T.parse($S))", type, NAME, name.text());
    }

    private static <T> CodeBlock list(List<T> items, Function<T, CodeBlock> each) {
        return CodeBlock.of(
                "$T.of($L)", List.class, CodeBlock.join(items.stream().map(each).toList(), ",$W"));
    }
}

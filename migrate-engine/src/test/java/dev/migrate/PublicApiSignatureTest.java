package dev.migrate;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.cluster.ClusterTemplate;
import dev.migrate.connection.DatabaseUrl;
import dev.migrate.graph.RevisionInfo;
import dev.migrate.internal.graph.RevisionGraph;
import dev.migrate.op.ColumnOp;
import dev.migrate.op.Op;
import dev.migrate.spi.SchemaDriftCheck;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.SqlLexer;
import dev.migrate.text.JsonText;
import dev.migrate.tooling.ChainGraph;
import dev.migrate.tooling.MigratorTools;
import dev.migrate.tooling.StatementObserver;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API is {@code dev.migrate} and {@code dev.migrate.op}, and what migrate's other modules use of the engine
 * is published beside it ({@code dev.migrate.sql}, {@code dev.migrate.tooling}, {@code dev.migrate.graph},
 * {@code dev.migrate.connection}, {@code dev.migrate.cluster}, {@code dev.migrate.text}, {@code dev.migrate.spi});
 * everything under {@code dev.migrate.internal} may change without notice, so no public or protected signature
 * of these packages may name an internal type: not a parameter, a result, an exception, a field, a record
 * component, a supertype or a type argument of any of them.
 */
class PublicApiSignatureTest {

    private static final String INTERNAL = "dev.migrate.internal.";

    @Test
    void noPublicSignatureOfTheApiNamesAnInternalType() throws Exception {
        List<Class<?>> api = new ArrayList<>();
        api.addAll(classesOf(Migrator.class));
        // dev.migrate is split: Operations, Ddl and JdbcWork are in migrate-ops, beside dev.migrate.op
        api.addAll(classesOf(Operations.class));
        api.addAll(classesOf(Op.class));
        assertThat(api)
                .as("API types found")
                .contains(Migrator.class, Migrator.Builder.class, Operations.class, Ddl.class, ColumnOp.AddColumn.class)
                .hasSizeGreaterThan(50);

        assertThat(api.stream().flatMap(PublicApiSignatureTest::leaks).toList())
                .as("public signatures of dev.migrate and dev.migrate.op that name a dev.migrate.internal type")
                .isEmpty();
    }

    @Test
    void noPublicSignatureOfThePackagesPublishedForTheModulesNamesAnInternalType() throws Exception {
        List<Class<?>> published = new ArrayList<>();
        for (Class<?> anchor : List.of(
                Identifiers.class,
                MigratorTools.class,
                RevisionInfo.class,
                DatabaseUrl.class,
                ClusterTemplate.class,
                JsonText.class,
                SchemaDriftCheck.class)) {
            published.addAll(classesOf(anchor));
        }
        assertThat(published)
                .as("published types found")
                .contains(SqlLexer.class, ChainGraph.class, StatementObserver.Execution.class)
                .hasSizeGreaterThan(30);

        assertThat(published.stream().flatMap(PublicApiSignatureTest::leaks).toList())
                .as("public signatures of the published packages that name a dev.migrate.internal type")
                .isEmpty();
    }

    @Test
    void anInternalTypeInASignatureIsNamed() {
        assertThat(leaks(Leaky.class).toList())
                .containsExactlyInAnyOrder(
                        "PublicApiSignatureTest.Leaky.graph() returns " + RevisionGraph.class.getName(),
                        "PublicApiSignatureTest.Leaky.among(java.util.List<" + RevisionGraph.class.getName()
                                + ">) takes " + RevisionGraph.class.getName());
        assertThat(leaks(Migrator.class).toList()).isEmpty();
    }

    /** What the check must catch: an internal type as a result, and inside a parameter's type argument. */
    public abstract static class Leaky {
        public abstract RevisionGraph graph();

        public abstract void among(List<RevisionGraph> graphs);

        abstract RevisionGraph notPublic();
    }

    /**
     * The top-level and nested types of the package of {@code anchor} in the module that holds it, from its class
     * directory (in the reactor) or its jar.
     */
    private static List<Class<?>> classesOf(Class<?> anchor) throws IOException {
        Path location = location(anchor);
        String packagePath = anchor.getPackageName().replace('.', '/');
        List<Class<?>> types = new ArrayList<>();
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location);
                Stream<Path> files =
                        Files.list(jar == null ? location.resolve(packagePath) : jar.getPath(packagePath))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                if (simple.equals("package-info")) {
                    continue;
                }
                try {
                    types.add(Class.forName(anchor.getPackageName() + "." + simple, false, anchor.getClassLoader()));
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types;
    }

    /** Each public or protected signature of {@code type} (when it is visible) that names an internal type. */
    private static Stream<String> leaks(Class<?> type) {
        if (!visible(type.getModifiers()) || type.isSynthetic() || type.isAnonymousClass()) {
            return Stream.empty();
        }
        List<String> found = new ArrayList<>();
        String name =
                type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
        check(found, name + " extends", type.getGenericSuperclass());
        for (Type supertype : type.getGenericInterfaces()) {
            check(found, name + " implements", supertype);
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                check(found, name + "." + component.getName() + " is", component.getGenericType());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field) && !field.isSynthetic()) {
                check(found, name + "." + field.getName() + " is", field.getGenericType());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor) && !constructor.isSynthetic()) {
                checkExecutable(found, name + ".<init>", constructor);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method) && !method.isSynthetic() && !method.isBridge()) {
                checkExecutable(found, name + "." + method.getName(), method);
                check(
                        found,
                        signature(name + "." + method.getName(), method) + " returns",
                        method.getGenericReturnType());
            }
        }
        return found.stream();
    }

    private static void checkExecutable(List<String> found, String name, Executable executable) {
        String signature = signature(name, executable);
        for (Type parameter : executable.getGenericParameterTypes()) {
            check(found, signature + " takes", parameter);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(found, signature + " throws", thrown);
        }
    }

    private static String signature(String name, Executable executable) {
        return name + "("
                + String.join(
                        ", ",
                        Stream.of(executable.getGenericParameterTypes())
                                .map(Type::getTypeName)
                                .toList())
                + ")";
    }

    private static void check(List<String> found, String where, Type type) {
        if (type == null) {
            return;
        }
        for (String internal : internalTypes(type, new TreeSet<>())) {
            found.add(where + " " + internal);
        }
    }

    /** The internal classes {@code type} names, its type arguments, bounds and array elements included. */
    private static Set<String> internalTypes(Type type, Set<String> into) {
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith(INTERNAL)) {
                into.add(element.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            internalTypes(p.getRawType(), into);
            for (Type argument : p.getActualTypeArguments()) {
                internalTypes(argument, into);
            }
        } else if (type instanceof GenericArrayType a) {
            internalTypes(a.getGenericComponentType(), into);
        } else if (type instanceof WildcardType w) {
            Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
                    .forEach(bound -> internalTypes(bound, into));
        } else if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                internalTypes(bound, into);
            }
        }
        return into;
    }

    private static boolean visible(Member member) {
        return visible(member.getModifiers());
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}

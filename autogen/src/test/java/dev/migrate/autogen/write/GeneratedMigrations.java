package dev.migrate.autogen.write;

import static dev.migrate.testing.ClassLocations.location;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.migrate.JdbcWork;
import dev.migrate.Migration;
import dev.migrate.Operations;
import dev.migrate.Revision;
import dev.migrate.autogen.internal.write.OpJavaRenderer;
import dev.migrate.op.Op;
import dev.migrate.tooling.OpSql;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Test support: wraps rendered code in a migration class as users get it (static import of Ddl),
 * compiles it in memory against the engine alone, and records what its {@code upgrade} does.
 */
final class GeneratedMigrations {
    static final String PACKAGE = "db.migrations";

    private GeneratedMigrations() {}

    /** A migration class with {@code body} as its upgrade, printed as the writer would print it. */
    static JavaFile javaFile(String className, CodeBlock body) {
        TypeSpec type = TypeSpec.classBuilder(className)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(Revision.class)
                        .addMember("id", "$S", "x")
                        .build())
                .addSuperinterface(Migration.class)
                .addMethod(method("upgrade", body))
                .addMethod(method("downgrade", CodeBlock.of("")))
                .build();
        return JavaFile.builder(PACKAGE, type)
                .addStaticImport(OpJavaRenderer.DDL, "*")
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private static MethodSpec method(String name, CodeBlock body) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ClassName.get(Operations.class), "op")
                .addCode(body)
                .build();
    }

    /** The upgrade body as a user reads it in the written file, without the method's indentation. */
    static String upgradeBody(CodeBlock body) {
        String source = javaFile("V1_Test", body).toString();
        String start = "public void upgrade(Operations op) {\n";
        int from = source.indexOf(start) + start.length();
        int to = source.indexOf("\n    }\n", from);
        return source.substring(from, to + 1)
                .lines()
                .map(l -> l.startsWith("        ") ? l.substring(8) : l)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * Compiles the files together ({@code -Xlint:all -Werror}: generated code must not even warn) with
     * only the engine on the class path, and returns a new instance of each class, by simple name.
     */
    /** The class {@code name} among {@code files}, compiled ({@link #compile}). */
    static Migration compiled(List<JavaFile> files, String name) {
        return Objects.requireNonNull(compile(files).get(name), name);
    }

    @SuppressWarnings("RethrowReflectiveOperationExceptionAsLinkageError") // a test failure, not a linkage error
    static Map<String, Migration> compile(List<JavaFile> files) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
        JavaFileManager inMemory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(
                        URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        return classes.computeIfAbsent(className, n -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        List<JavaFileObject> sources =
                files.stream().map(f -> f.toJavaFileObject()).collect(Collectors.toList());
        List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror", "-classpath", engineClasspath());
        boolean ok;
        // closed here: each compilation opens the class path's jars and the JDK's image anew
        try (inMemory) {
            ok = compiler.getTask(null, inMemory, diagnostics, options, null, sources)
                    .call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ok) {
            String messages = diagnostics.getDiagnostics().stream()
                    .map(d -> d.getSource() == null
                            ? d.getMessage(null)
                            : d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                    .collect(Collectors.joining("\n"));
            String allSources = files.stream().map(JavaFile::toString).collect(Collectors.joining("\n-----\n"));
            throw new AssertionError("The generated code does not compile:\n" + messages + "\n\n" + allSources);
        }
        ClassLoader loader = new ClassLoader(GeneratedMigrations.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                ByteArrayOutputStream bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] code = bytes.toByteArray();
                return defineClass(name, code, 0, code.length);
            }
        };
        Map<String, Migration> migrations = new HashMap<>();
        for (JavaFile file : files) {
            try {
                Class<?> type = loader.loadClass(
                        file.packageName() + "." + file.typeSpec().name());
                migrations.put(file.typeSpec().name(), (Migration)
                        type.getConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(
                        "Could not load the compiled migration "
                                + file.typeSpec().name(),
                        e);
            }
        }
        return migrations;
    }

    /** The ops {@code migration.upgrade} records, as an offline run would see them. */
    static List<Op> recordUpgrade(Migration migration) {
        List<Op> ops = new ArrayList<>();
        migration.upgrade(new Operations() {
            @Override
            public void run(Op op) {
                ops.add(op);
            }

            @Override
            public void jdbc(JdbcWork work) {
                throw new AssertionError("Generated code must not need a live connection.");
            }

            @Override
            public boolean isOffline() {
                return true;
            }
        });
        return ops;
    }

    /** Runs each op as it is recorded, as an online migration does. */
    static Operations online(Connection connection) {
        return new Operations() {
            @Override
            public void run(Op op) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : OpSql.render(op)) {
                        statement.execute(sql);
                    }
                } catch (SQLException e) {
                    throw new AssertionError("The written migration failed at " + op + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void jdbc(JdbcWork work) {
                throw new AssertionError("Written code must not need raw JDBC.");
            }

            @Override
            public boolean isOffline() {
                return false;
            }
        };
    }

    /** Only the engine: the generated code must compile in a project that has nothing else. */
    /** The engine and the op model beside it, which the written migrations use. */
    private static String engineClasspath() {
        try {
            return location(Migration.class) + java.io.File.pathSeparator + location(dev.migrate.Operations.class);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot find the engine's classes", e);
        }
    }
}

package dev.migrate;

import static dev.migrate.testing.ClassLocations.location;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The examples in the public API's Javadoc are real calls: every <code>{&#64;code ...}</code> that reads as
 * code (a call on {@code op}, {@code migrator}, {@code builder}, a {@link Ddl} factory, an
 * annotation, a lambda, a block) is compiled against the API, so a renamed method or a wrong
 * argument in an example fails the build.
 */
class JavadocExamplesTest {
    /**
     * The sources of the public package, split over two modules: the runner's API here, and {@code Operations},
     * {@code Ddl} and {@code JdbcWork} in the op model's module beside it.
     */
    static final List<Path> API_SOURCES =
            List.of(Path.of("src/main/java/dev/migrate"), Path.of("../migrate-ops/src/main/java/dev/migrate"));

    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern CODE_START = Pattern.compile(
            "^(op\\.|migrator\\.|builder\\.|listener\\.|fleet\\.|fleetResult\\.|Fleet[ .]|log\\.|Migrator[ .]|ChecksumCache\\.|@SuppressLint\\(|@Imported(\\.List)?\\(|RevisionDetails |Logger |new |throw |if |try |@Revision\\(id|"
                    + "\\(revision, stage\\) ->|connection ->|(column|primaryKey|unique|check|foreignKey|index|key|desc|expr|identityAlways"
                    + "|identityByDefault|sequenceChanges|sequenceOptions)\\()");
    /** A method named in prose ({@code unique()}, {@code where(...)}), not an example. */
    private static final Pattern MENTION = Pattern.compile("^\\w+\\((\\.\\.\\.)?\\)$");

    /** An example and where it was found. */
    record Example(String file, String code) {}

    @Test
    void everyCodeExampleInTheApiJavadocCompiles() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).as("examples found").hasSizeGreaterThan(100);
        assertThat(examples)
                .extracting(Example::file)
                .contains(
                        "Operations.java",
                        "Ddl.java",
                        "Migrator.java",
                        "RevisionDetails.java",
                        "Revision.java",
                        "Migration.java",
                        "JdbcWork.java",
                        "MigrationLog.java");

        String source = compilationUnit(examples);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = location(Migrator.class) + File.pathSeparator + location(Operations.class);
        StringWriter out = new StringWriter();
        boolean compiled = compiler.getTask(
                        out,
                        null,
                        diagnostics,
                        List.of(
                                "-proc:none",
                                "-d",
                                Files.createTempDirectory("javadoc-examples").toString(),
                                "-classpath",
                                classPath),
                        null,
                        List.of(new Source(source)))
                .call();

        StringBuilder problems = new StringBuilder();
        diagnostics
                .getDiagnostics()
                .forEach(d -> problems.append("\n")
                        .append(d.getMessage(Locale.ROOT))
                        .append(" in: ")
                        .append(lineOf(source, d.getLineNumber())));
        assertThat(compiled).as("the examples compile:" + problems).isTrue();
    }

    /** The source files of the public package in both of its modules, by file name. */
    static List<Path> apiSourceFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path sources : API_SOURCES) {
            assertThat(sources).as("the sources of dev.migrate").isDirectory();
            try (Stream<Path> files = Files.list(sources)) {
                found.addAll(files.filter(f -> f.toString().endsWith(".java")).toList());
            }
        }
        found.sort(Comparator.comparing(f -> f.getFileName().toString()));
        return found;
    }

    /** Every code example in the Javadoc of the public package, in file order. */
    private static List<Example> examples() throws IOException {
        List<Example> found = new ArrayList<>();
        for (Path file : apiSourceFiles()) {
            Matcher comment = JAVADOC.matcher(Files.readString(file));
            while (comment.find()) {
                String text = comment.group(1).replaceAll("(?m)^\\s*\\* ?", "");
                for (String code : inlineCode(text)) {
                    if (isExample(code)) {
                        found.add(new Example(file.getFileName().toString(), code));
                    }
                }
            }
        }
        return found;
    }

    /** Whether inline code reads as an example to compile, not as a name or a value mentioned in prose. */
    static boolean isExample(String code) {
        return CODE_START.matcher(code).find() && !MENTION.matcher(code).matches();
    }

    /** The contents of each <code>{&#64;code ...}</code> in {@code text}, braces balanced as Javadoc reads them. */
    static List<String> inlineCode(String text) {
        List<String> codes = new ArrayList<>();
        for (int start = text.indexOf("{@code"); start >= 0; start = text.indexOf("{@code", start + 1)) {
            int depth = 1;
            int i = start + "{@code".length();
            while (i < text.length() && depth > 0) {
                char c = text.charAt(i++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            codes.add(text.substring(start + "{@code".length(), i - 1).trim());
        }
        return codes;
    }

    /** One class with what the examples refer to, each example in a method or nested class of its own. */
    private static String compilationUnit(List<Example> examples) {
        StringBuilder members = new StringBuilder();
        int n = 0;
        for (Example example : examples) {
            n++;
            String code = example.code();
            members.append("    // ").append(example.file()).append("\n");
            if (code.contains("class ")) {
                members.append("    static class Holder")
                        .append(n)
                        .append(" {\n")
                        .append(code)
                        .append("\n    }\n");
            } else if (code.startsWith("@Revision(")
                    || code.startsWith("@SuppressLint(")
                    || code.startsWith("@Imported")) {
                members.append("    ")
                        .append(code)
                        .append(" static abstract class Annotated")
                        .append(n)
                        .append(" implements Migration {}\n");
            } else if (code.startsWith("connection ->")) {
                members.append("    JdbcWork work")
                        .append(n)
                        .append(" = ")
                        .append(code)
                        .append(";\n");
            } else {
                boolean statements = code.endsWith(";") || code.endsWith("}");
                members.append("    void example")
                        .append(n)
                        .append("() throws Exception {\n        ")
                        .append(code)
                        .append(statements ? "" : ";")
                        .append("\n    }\n");
            }
        }
        return """
                package examples;

                import static dev.migrate.Ddl.*;

                import dev.migrate.*;
                import dev.migrate.graph.RevisionTarget;
                import dev.migrate.op.*;
                import java.io.Writer;
                import java.sql.Connection;
                import java.sql.SQLException;
                import java.time.Duration;
                import java.util.List;
                import java.util.Map;
                import java.util.logging.Logger;
                import javax.sql.DataSource;

                @SuppressWarnings("all")
                abstract class Examples {
                    Operations op;
                    Migrator migrator;
                    Migrator.Builder builder;
                    Fleet fleet;
                    FleetResult fleetResult;
                    TenantResult tenant;
                    MigrationLog log;
                    Writer writer;
                    DataSource dataSource;
                    DataSource ds;
                    String id;
                    SQLException sqlException;
                    CredentialsProvider provider;
                    CredentialsProvider.Server server;
                    String token;
                    ClassLoader loader;

                    static class App {}

                    @Revision(id = "v1") static abstract class V1_CreateAgents implements Migration {}

                    @Revision(id = "v2", revises = "v1") static abstract class V2_AddStatus implements Migration {}

                    void backfill(Connection connection) {}

                    // what the examples of the typed API refer to
                    String userInput;
                    String productionUrl;
                    String message;
                    MigrateException failure;
                    MigrationResult result;
                    MigrationStep step;
                    StepProgress progress;
                    MigrationListener listener;
                    MigrationRun run;
                    TenantRun tenantRun;
                    TimedStatement statement;
                    LockWait lockWait;
                    BackfillProgress backfill;
                    FinishedRun finished;
                    DriftResult drift;
                    RevisionDetails revision;
                    java.time.Clock clock;
                    Object registry;
                    static Timer timer = new Timer();

                    static class Timer {
                        void record(Duration duration) {}
                    }

                    static class MetricsListener implements MigrationListener {
                        MetricsListener(Object registry) {}
                    }

                    @Revision(id = "v3", revises = "v2")
                    static class BackfillStatus implements Migration {
                        BackfillStatus(java.time.Clock clock) {}

                        public void upgrade(Operations op) {}

                        public void downgrade(Operations op) {}
                    }

                    void showUsage(String text) {}

                    void page(String text) {}

                    void retryLater() {}

                    void alert(String revision) {}

                    void refuseTraffic() {}

                """ + members + "}\n";
    }

    private static String lineOf(String source, long line) {
        String[] lines = source.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[(int) line - 1].trim() : "?";
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String code) {
            super(java.net.URI.create("string:///examples/Examples.java"), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}

package dev.migrate.docs;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the layering of CONTRIBUTING.md's module map, read from the import lines of every module's main and test
 * sources: a module imports {@code dev.migrate} packages only of the modules it may use, and never an internal
 * package of another module ({@code dev.migrate.internal}, {@code dev.migrate.autogen.internal}): what the other
 * modules need of the engine is published in {@code dev.migrate.sql}, {@code dev.migrate.tooling} and the other
 * packages the engine's {@code PublicApiSignatureTest} guards.
 *
 * <p>The op model ({@code migrate-ops}: {@code Operations}, {@code Ddl}, {@code JdbcWork}, {@code dev.migrate.op},
 * {@code dev.migrate.sql}) is the bottom module: it may import nothing of the engine, which the compiler holds too
 * (the engine depends on it, so the engine is not on its class path, even for a class of the package
 * {@code dev.migrate} both share); only the engine, its runner, uses its internal dialect. The catalog stands on
 * the op model and uses none of the runner, beyond a few published classes named with their reason.
 */
class ModuleImportsTest {
    private static final String OPS = "migrate-ops";
    private static final String ENGINE = "migrate-engine";
    private static final String SERVERS = "migrate-servers";
    private static final String LINT = "migrate-lint";
    private static final String CATALOG = "migrate-catalog";
    private static final String AUTOGEN = "autogen";
    private static final String PICTURES = "migrate-pictures";
    private static final String COMMANDS = "migrate-commands";
    private static final String TOOLING = "migrate-tooling-commands";
    private static final String OBSERVABILITY = "migrate-observability";
    private static final String ANNOTATIONS = "migrate-annotations";
    private static final String IMPORTS = "migrate-import";
    private static final String QUARKUS = "migrate-quarkus/runtime";
    private static final String STARTER = "migrate-spring-boot";
    private static final String CLI = "migrate-cli";
    private static final String MCP = "migrate-mcp";

    /** Each module and the modules whose packages its main sources may import. */
    private static final Map<String, Set<String>> MAIN = Map.ofEntries(
            entry(OPS, Set.of()),
            entry(ENGINE, Set.of(OPS)),
            entry(ANNOTATIONS, Set.of()),
            entry(SERVERS, Set.of(ENGINE)),
            entry(LINT, Set.of(ENGINE)),
            entry(CATALOG, Set.of(ENGINE, LINT)),
            entry(AUTOGEN, Set.of(ENGINE, SERVERS, LINT, CATALOG)),
            entry(PICTURES, Set.of(ENGINE, CATALOG)),
            entry(IMPORTS, Set.of(ENGINE, CATALOG)),
            entry(COMMANDS, Set.of(ENGINE, SERVERS)),
            entry(TOOLING, Set.of(ENGINE, SERVERS, LINT, CATALOG, AUTOGEN, PICTURES, IMPORTS, COMMANDS)),
            entry(OBSERVABILITY, Set.of(ENGINE)),
            entry(MCP, Set.of(ENGINE, SERVERS, LINT, CATALOG, AUTOGEN, COMMANDS, TOOLING)),
            entry("migrate-junit", Set.of(ENGINE, SERVERS, LINT, CATALOG, AUTOGEN, TOOLING)),
            entry(
                    "migrate-maven-plugin",
                    Set.of(ENGINE, SERVERS, LINT, CATALOG, AUTOGEN, PICTURES, COMMANDS, TOOLING, IMPORTS, MCP)),
            entry(CLI, Set.of(ENGINE, SERVERS, LINT, CATALOG, AUTOGEN, PICTURES, COMMANDS, TOOLING, IMPORTS, MCP)),
            entry(STARTER, Set.of(ENGINE, COMMANDS, OBSERVABILITY)),
            entry("migrate-quarkus", Set.of()),
            entry(QUARKUS, Set.of(ENGINE, COMMANDS, OBSERVABILITY)),
            entry("migrate-quarkus/deployment", Set.of(ENGINE, SERVERS, AUTOGEN, COMMANDS, TOOLING, QUARKUS)),
            entry("migrate-citus-tests", Set.of()),
            entry("migrate-long-tests", Set.of()),
            entry("migrate-extensions-tests", Set.of()),
            entry("migrate-docs", Set.of()));

    /**
     * What a module's tests may import beside what its main sources may: modules its tests run with (the starter's
     * tests lint and read catalogs; the Citus and the extensions' tests run everything; the manual's checks read the settings table), and the engine's test jar
     * ({@code dev.migrate.testing}: the embedded servers), which every module that uses the engine may.
     */
    private static final Map<String, Set<String>> TEST_ALSO = Map.ofEntries(
            // the engine reads @MigrationModule from class files by name; its fixtures and the commands' declare it
            entry(ENGINE, Set.of(ANNOTATIONS)),
            entry(COMMANDS, Set.of(ANNOTATIONS)),
            entry(AUTOGEN, Set.of(ANNOTATIONS)),
            entry(TOOLING, Set.of(ANNOTATIONS)),
            // slice tests and the Quarkus extension's start migrate modules their fixtures declare
            entry("migrate-junit", Set.of(ANNOTATIONS)),
            entry(IMPORTS, Set.of(LINT, AUTOGEN)),
            // the starter's Spring Modulith fixture declares a module that Modulith names otherwise
            entry(STARTER, Set.of(LINT, CATALOG, ANNOTATIONS)),
            entry("migrate-citus-tests", Set.of(ENGINE, SERVERS, ANNOTATIONS, LINT, CATALOG, AUTOGEN)),
            entry("migrate-long-tests", Set.of(ENGINE, SERVERS, ANNOTATIONS, CATALOG, AUTOGEN, COMMANDS, TOOLING)),
            entry("migrate-extensions-tests", Set.of(ENGINE, SERVERS, LINT, CATALOG, AUTOGEN, COMMANDS, TOOLING)),
            // the settings reference reads which commands take each row from their declarations (UserCommands)
            entry("migrate-docs", Set.of(ENGINE, COMMANDS, MCP)),
            entry("migrate-quarkus/deployment", Set.of(OBSERVABILITY, ANNOTATIONS)));

    /**
     * Modules whose internal packages another module may import, with the reason: the engine is the op model's
     * runner, and renders the ops through the op model's dialect ({@code dev.migrate.internal.sql}); the long tests
     * are the engine's and autogen's own tests, moved out of the chain of modules the plugin waits for, in the
     * packages they test, with the fixtures of those modules' test jars.
     */
    private static final Map<String, Set<String>> INTERNALS_SHARED =
            Map.of(ENGINE, Set.of(OPS), "migrate-long-tests", Set.of(ENGINE, AUTOGEN));

    /**
     * A package whose classes two modules hold: {@code dev.migrate}, whose {@code Operations}, {@code Ddl} and
     * {@code JdbcWork} are the op model's and the rest the engine's, so that no user's import changed when the op
     * model became a module of its own. A class of it belongs to the module whose sources hold it.
     */
    private static final Set<String> SPLIT_PACKAGES = Set.of("dev.migrate");

    /**
     * What the catalog's main sources use of the engine beyond the op model, each with its reason: the catalog
     * stands on the op model ({@code migrate-ops}) and never on the runner ({@code Migrator}, {@code Engine},
     * {@code dev.migrate.internal.runtime}...). It still depends on the engine for these few and for the lint, whose
     * rules its passes cite; a class published here moved to the op model is a line less.
     */
    private static final Map<String, String> CATALOG_USES_OF_THE_ENGINE = Map.of(
            "dev.migrate.MigrateException", "the type of every error migrate reports",
            "dev.migrate.tooling.OpSql", "renders a change as SQL through the op model's dialect",
            "dev.migrate.tooling.ChainTables", "the tables of the runner, which a catalog read leaves out",
            "dev.migrate.spi.SchemaDriftCheck", "the startup drift check the runner calls",
            "dev.migrate.connection.ConnectionFailure", "why a connection failed, in the engine's words");

    /** The packages of the engine's test jar, which tests of the modules above it may import. */
    private static final Set<String> ENGINE_TEST_JAR = Set.of("dev.migrate.testing");

    /**
     * Imports of another module's internal package that a test truly needs, as {@code module/path:package} with the
     * reason beside it. None today: keep it so.
     */
    private static final Map<String, String> INTERNAL_EXCEPTIONS = Map.of();

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.migrate[\\w.]*?)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    /** A class of an internal package named in full, outside the imports: in code or in a Javadoc link. */
    private static final Pattern INTERNAL_NAME =
            Pattern.compile("\\b(dev\\.migrate(?:\\.[a-z]\\w*)*\\.internal(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*)");

    @Test
    void everyModuleImportsOnlyThePublishedPackagesOfTheModulesItMayUse() {
        Map<String, String> owners = owners();
        List<String> broken = new ArrayList<>();
        for (String module : modules()) {
            for (String kind : List.of("main", "test")) {
                Path sources =
                        Manual.ROOT.resolve(module).resolve("src").resolve(kind).resolve("java");
                for (Path file : javaFiles(sources)) {
                    String where = Manual.ROOT.relativize(file).toString().replace('\\', '/');
                    for (String imported : imports(Manual.read(file))) {
                        String problem = check(module, kind.equals("test"), where, imported, owners);
                        if (problem != null) {
                            broken.add(problem);
                        }
                    }
                }
            }
        }
        assertThat(broken).as("imports that break the module rules").isEmpty();
    }

    /**
     * No package of the main code, in any module, reaches itself again through the packages it imports: the layers
     * inside a module (a facade over its parts, a reader under its differ) point one way, as the modules do. The
     * public package {@code dev.migrate} is left out, as in the engine's {@code PackageCyclesTest}: its entry points
     * build the engine and the engine returns its value types.
     */
    @Test
    void noPackageOfTheMainCodeReachesItselfThroughOthers() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String module : modules()) {
            for (Path file : javaFiles(Manual.ROOT.resolve(module).resolve("src/main/java"))) {
                String source = Manual.read(file);
                Matcher pkg = PACKAGE.matcher(source);
                if (!pkg.find() || pkg.group(1).equals("dev.migrate")) {
                    continue;
                }
                Set<String> targets = graph.computeIfAbsent(pkg.group(1), p -> new TreeSet<>());
                for (String imported : imports(source)) {
                    String target = packageOf(imported);
                    if (!target.equals(pkg.group(1)) && !target.equals("dev.migrate")) {
                        targets.add(target);
                    }
                }
            }
        }
        assertThat(cycles(graph)).as("package cycles in the main code").isEmpty();
    }

    @Test
    void aPackageCycleIsNamed() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a", "d"));
        graph.put("d", Set.of());

        assertThat(cycles(graph)).containsExactly("a, b, c");
        assertThat(packageOf("dev.migrate.catalog.read.ColumnOptions.Kind")).isEqualTo("dev.migrate.catalog.read");
    }

    /**
     * The packages of {@code graph} that reach themselves again, each group of packages that reach one another named
     * once ({@code a, b, c}): the strongly connected components of more than one package, by Tarjan's walk.
     */
    private static List<String> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        List<String> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(
            String at,
            Map<String, Set<String>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            List<String> stack,
            List<String> found) {
        index.put(at, index.size());
        low.put(at, index.get(at));
        stack.add(at);
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, found);
                low.put(at, Math.min(low.get(at), low.get(next)));
            } else if (stack.contains(next)) {
                low.put(at, Math.min(low.get(at), index.get(next)));
            }
        }
        if (low.get(at).equals(index.get(at))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.remove(stack.size() - 1);
                component.add(member);
            } while (!member.equals(at));
            if (component.size() > 1) {
                found.add(String.join(", ", component));
            }
        }
    }

    @Test
    void everyModuleHasItsRule() {
        assertThat(modules()).contains(ENGINE, AUTOGEN, CLI);
        assertThat(new TreeSet<>(MAIN.keySet()))
                .as("modules in the rules: a new module says which modules it may use")
                .containsAll(modules());
    }

    /** The build-time tools, and the commands that run them: what an application that only migrates never loads. */
    private static final Set<String> BUILD_TIME = Set.of(AUTOGEN, LINT, IMPORTS, PICTURES, TOOLING);

    /** The modules an application ships to migrate at run time: the runtime commands and the faces over them alone. */
    private static final Set<String> RUNTIME = Set.of(COMMANDS, STARTER, QUARKUS);

    /**
     * The command line's tooling path: the classes of {@code migrate-cli} that run the build-time commands. Every
     * other class of it is on the runtime path ({@code upgrade}, {@code current}, {@code history}...).
     */
    private static final Set<String> CLI_TOOLING =
            Set.of("ToolingCommands.java", "CliWatch.java", "CliImport.java", "ToolJars.java", "CliMcp.java");

    /**
     * The runtime path reaches nothing of autogen, the lint, the import or the pictures: its modules may not use
     * them, and neither they nor the command line's runtime classes import one of their packages. That the starter
     * and the Quarkus runtime start without them then does not hang on which defaults javac happens to inline.
     */
    @Test
    void theRuntimePathImportsNoBuildTimeTool() {
        for (String module : RUNTIME) {
            assertThat(MAIN.get(module)).as("the modules %s may use", module).doesNotContainAnyElementsOf(BUILD_TIME);
        }
        Path cli = Manual.ROOT.resolve(CLI).resolve("src/main/java/dev/migrate/cli");
        for (String tooling : CLI_TOOLING) {
            assertThat(cli.resolve(tooling))
                    .as("a class of the command line's tooling path")
                    .isRegularFile();
        }
        List<Path> runtime = new ArrayList<>();
        for (String module : RUNTIME) {
            runtime.addAll(javaFiles(Manual.ROOT.resolve(module).resolve("src/main/java")));
        }
        javaFiles(Manual.ROOT.resolve(CLI).resolve("src/main/java")).stream()
                .filter(f -> !CLI_TOOLING.contains(f.getFileName().toString()))
                .forEach(runtime::add);
        assertThat(runtime).hasSizeGreaterThan(20);
        assertThat(buildTimeImports(runtime, owners()))
                .as("imports of a build-time module on the runtime path")
                .isEmpty();
    }

    @Test
    void aBuildTimeImportOnTheRuntimePathIsNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Startup.java");
        Files.writeString(file, """
                package dev.migrate.spring;

                import dev.migrate.command.Move;
                import dev.migrate.lint.Lint;
                import static dev.migrate.autogen.AutogenerateRequest.X;
                """);
        Map<String, String> owners =
                Map.of("dev.migrate.command", COMMANDS, "dev.migrate.lint", LINT, "dev.migrate.autogen", AUTOGEN);
        assertThat(buildTimeImports(List.of(file), owners))
                .containsExactly(
                        "Startup.java imports dev.migrate.autogen.AutogenerateRequest.X of autogen, a build-time module",
                        "Startup.java imports dev.migrate.lint.Lint of migrate-lint, a build-time module");
    }

    /** The imports of {@code files} whose package a build-time module owns, each named with its file. */
    private static List<String> buildTimeImports(List<Path> files, Map<String, String> owners) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            for (String imported : imports(Manual.read(file))) {
                String owner = owners.get(packageOf(imported));
                if (owner != null && BUILD_TIME.contains(owner)) {
                    found.add(file.getFileName() + " imports " + imported + " of " + owner + ", a build-time module");
                }
            }
        }
        return found;
    }

    /** An internal class, spelled in two parts so that this file does not name it. */
    private static final String AN_INTERNAL_CLASS = "dev.migrate." + "internal.sql.PostgresDialect";

    @Test
    void aBrokenRuleIsNamed() {
        Map<String, String> owners = Map.of(
                "dev.migrate", ENGINE,
                "dev.migrate.internal.sql", ENGINE,
                "dev.migrate.sql", ENGINE,
                "dev.migrate.command", COMMANDS);
        assertThat(check(LINT, false, "A.java", AN_INTERNAL_CLASS, owners))
                .isEqualTo("A.java imports " + AN_INTERNAL_CLASS + ", an internal package of "
                        + "migrate-engine: use or publish what it needs in a published package");
        assertThat(check(LINT, false, "A.java", "dev.migrate.command.Move", owners))
                .isEqualTo(
                        "A.java imports dev.migrate.command.Move of migrate-commands, which migrate-lint may not use");
        assertThat(check(LINT, false, "A.java", "dev.migrate.sql.Identifiers.quote", owners))
                .isNull();
        assertThat(check(LINT, false, "A.java", "dev.migrate.testing.TestPostgres", owners))
                .startsWith("A.java imports dev.migrate.testing.TestPostgres, of no module's main sources");
        assertThat(check(LINT, true, "A.java", "dev.migrate.testing.TestPostgres", owners))
                .isNull();
    }

    @Test
    void theOpModelUsesNothingOfTheEngineAndOnlyTheEngineItsInternals() {
        Map<String, String> owners = Map.of(
                "dev.migrate.Migrator", ENGINE,
                "dev.migrate.Operations", OPS,
                "dev.migrate.Ddl", OPS,
                "dev.migrate.internal.runtime", ENGINE,
                "dev.migrate.internal.sql", OPS);
        assertThat(check(OPS, false, "Ddl.java", "dev.migrate.Migrator", owners))
                .isEqualTo("Ddl.java imports dev.migrate.Migrator of migrate-engine, which migrate-ops may not use");
        String engine = "dev.migrate." + "internal.runtime.Engine";
        assertThat(check(OPS, false, "Op.java", engine, owners))
                .isEqualTo("Op.java imports " + engine + ", an internal package of migrate-engine:"
                        + " use or publish what it needs in a published package");
        assertThat(check(ENGINE, false, "Engine.java", AN_INTERNAL_CLASS, owners))
                .isNull();
        assertThat(check(ENGINE, false, "Engine.java", "dev.migrate.Operations", owners))
                .isNull();
        assertThat(check(LINT, false, "A.java", AN_INTERNAL_CLASS, owners))
                .isEqualTo("A.java imports " + AN_INTERNAL_CLASS + ", an internal package of migrate-ops: use or"
                        + " publish what it needs in a published package");
        assertThat(check(LINT, false, "A.java", "dev.migrate.Ddl.column", owners))
                .isNull();
    }

    @Test
    void theCatalogStandsOnTheOpModelAndUsesNoRunner() {
        Map<String, String> owners = owners();
        List<String> runner = new ArrayList<>();
        Set<String> usedOfTheEngine = new TreeSet<>();
        int ofTheOpModel = 0;
        for (Path file : javaFiles(Manual.ROOT.resolve(CATALOG).resolve("src/main/java"))) {
            String where = Manual.ROOT.relativize(file).toString().replace('\\', '/');
            for (String imported : imports(Manual.read(file))) {
                String problem = runnerUse(where, imported, owners);
                if (problem != null) {
                    runner.add(problem);
                }
                if (OPS.equals(ownerOf(imported, owners))) {
                    ofTheOpModel++;
                }
                if (ENGINE.equals(ownerOf(imported, owners))) {
                    usedOfTheEngine.add(classOf(imported));
                }
            }
        }
        assertThat(ofTheOpModel).as("the catalog's imports of the op model").isGreaterThan(100);
        assertThat(runner)
                .as("the catalog's imports of the engine beyond the op model")
                .isEmpty();
        assertThat(usedOfTheEngine)
                .as("what the catalog uses of the engine: a class it no longer uses leaves CATALOG_USES_OF_THE_ENGINE")
                .containsExactlyInAnyOrderElementsOf(CATALOG_USES_OF_THE_ENGINE.keySet());
    }

    @Test
    void aRunnerClassInTheCatalogIsNamed() {
        Map<String, String> owners = Map.of(
                "dev.migrate.Migrator", ENGINE,
                "dev.migrate.MigrateException", ENGINE,
                "dev.migrate.Operations", OPS,
                "dev.migrate.op", OPS,
                "dev.migrate.tooling", ENGINE);
        assertThat(runnerUse("A.java", "dev.migrate.Migrator", owners))
                .isEqualTo("A.java imports dev.migrate.Migrator of migrate-engine: the catalog stands on the op model"
                        + " (migrate-ops) and uses none of the runner; move what it needs to the op model, or name it"
                        + " with its reason in CATALOG_USES_OF_THE_ENGINE");
        assertThat(runnerUse("A.java", "dev.migrate.tooling.MigratorTools", owners))
                .startsWith("A.java imports dev.migrate.tooling.MigratorTools of migrate-engine");
        assertThat(runnerUse("A.java", "dev.migrate.op.ColumnOp.AddColumn", owners))
                .isNull();
        assertThat(runnerUse("A.java", "dev.migrate.Ddl.column", owners)).isNull();
        assertThat(runnerUse("A.java", "dev.migrate.MigrateException", owners)).isNull();
    }

    /** Why the catalog may not import {@code imported} of the engine, or null when it may. */
    private static @Nullable String runnerUse(String where, String imported, Map<String, String> owners) {
        if (!ENGINE.equals(ownerOf(imported, owners)) || CATALOG_USES_OF_THE_ENGINE.containsKey(classOf(imported))) {
            return null;
        }
        return where + " imports " + imported + " of " + ENGINE + ": the catalog stands on the op model (" + OPS
                + ") and uses none of the runner; move what it needs to the op model, or name it with its reason in"
                + " CATALOG_USES_OF_THE_ENGINE";
    }

    /** The module whose main sources hold {@code imported}, or null. */
    private static @Nullable String ownerOf(String imported, Map<String, String> owners) {
        String pkg = packageOf(imported);
        return owners.get(SPLIT_PACKAGES.contains(pkg) ? classOf(imported) : pkg);
    }

    /** Why {@code module} may not import {@code imported}, or null when it may. */
    private static @Nullable String check(
            String module, boolean test, String where, String imported, Map<String, String> owners) {
        String pkg = packageOf(imported);
        String owner = ownerOf(imported, owners);
        Set<String> allowed = new TreeSet<>(MAIN.getOrDefault(module, Set.of()));
        if (test) {
            allowed.addAll(TEST_ALSO.getOrDefault(module, Set.of()));
        }
        if (allowed.contains(ENGINE)) {
            // what may use the engine may use the op model the engine stands on
            allowed.add(OPS);
        }
        if (owner == null) {
            if (test && ownTestPackages(module).contains(pkg)) {
                return null;
            }
            if (test && ENGINE_TEST_JAR.contains(pkg) && (allowed.contains(ENGINE) || module.equals(ENGINE))) {
                return null;
            }
            return where + " imports " + imported + ", of no module's main sources" + (test ? "" : " (a test jar?)");
        }
        if (owner.equals(module)) {
            return null;
        }
        if (isInternal(pkg)
                && !INTERNAL_EXCEPTIONS.containsKey(where + ":" + pkg)
                && !INTERNALS_SHARED.getOrDefault(module, Set.of()).contains(owner)) {
            return where + " imports " + imported + ", an internal package of " + owner
                    + ": use or publish what it needs in a published package";
        }
        if (!allowed.contains(owner)) {
            return where + " imports " + imported + " of " + owner + ", which " + module + " may not use";
        }
        return null;
    }

    /** The packages of {@code module}'s test sources. */
    private static Set<String> ownTestPackages(String module) {
        Set<String> packages = new TreeSet<>();
        for (Path file : javaFiles(Manual.ROOT.resolve(module).resolve("src/test/java"))) {
            Matcher pkg = PACKAGE.matcher(Manual.read(file));
            if (pkg.find()) {
                packages.add(pkg.group(1));
            }
        }
        return packages;
    }

    private static boolean isInternal(String pkg) {
        return (pkg + ".").contains(".internal.");
    }

    /** The package of each main source directory, by the module that holds it. */
    private static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        for (String module : modules()) {
            Path sources = Manual.ROOT.resolve(module).resolve("src/main/java");
            for (Path file : javaFiles(sources)) {
                Matcher pkg = PACKAGE.matcher(Manual.read(file));
                String type = file.getFileName().toString().replace(".java", "");
                if (!pkg.find() || (type.equals("package-info") && SPLIT_PACKAGES.contains(pkg.group(1)))) {
                    continue;
                }
                // a split package's classes each have their module; any other package has one
                String owned = SPLIT_PACKAGES.contains(pkg.group(1)) ? pkg.group(1) + "." + type : pkg.group(1);
                String previous = owners.put(owned, module);
                assertThat(previous == null || previous.equals(module))
                        .as(owned + " in the main sources of " + previous + " and " + module)
                        .isTrue();
            }
        }
        assertThat(owners)
                .containsEntry("dev.migrate.internal.runtime", ENGINE)
                .containsEntry("dev.migrate.op", OPS)
                .containsEntry("dev.migrate.Operations", OPS)
                .containsEntry("dev.migrate.Migrator", ENGINE);
        return owners;
    }

    /** The directories of the build's root that hold a module. */
    /** The modules, by their directory: {@code migrate-engine}, and {@code migrate-quarkus/runtime} of a parent. */
    private static List<String> modules() {
        List<String> modules = new ArrayList<>();
        for (Path dir : moduleDirectories(Manual.ROOT)) {
            String name = dir.getFileName().toString();
            modules.add(name);
            for (Path child : moduleDirectories(dir)) {
                modules.add(name + "/" + child.getFileName());
            }
        }
        return modules.stream().sorted().toList();
    }

    private static List<Path> moduleDirectories(Path parent) {
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code dev.migrate} names {@code source} imports, and the internal classes it names in full. */
    private static Set<String> imports(String source) {
        Set<String> found = new TreeSet<>();
        for (Pattern pattern : List.of(IMPORT, INTERNAL_NAME)) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** The top-level class of an imported name: its package and first upper-case segment ({@code a.b.C.D.e}: {@code a.b.C}). */
    private static String classOf(String imported) {
        String pkg = packageOf(imported);
        String rest = imported.substring(Math.min(imported.length(), pkg.length() + 1));
        int dot = rest.indexOf('.');
        return pkg + "." + (dot < 0 ? rest : rest.substring(0, dot));
    }

    /** The package of an imported name: its leading lower-case segments ({@code a.b.C.d} is in {@code a.b}). */
    private static String packageOf(String imported) {
        String[] parts = imported.split("\\.");
        int i = 0;
        while (i < parts.length && Character.isLowerCase(parts[i].charAt(0))) {
            i++;
        }
        return String.join(".", List.of(parts).subList(0, i));
    }
}

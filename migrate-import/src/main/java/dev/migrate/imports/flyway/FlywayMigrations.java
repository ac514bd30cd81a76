package dev.migrate.imports.flyway;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's migrations as Flyway finds them: every location walked to its depth, file names parsed with the
 * configured prefixes, separator and suffixes, versioned migrations in version order and then repeatable ones by
 * description, each with the checksum Flyway records and its statements with placeholders replaced.
 */
public final class FlywayMigrations {
    /**
     * Flyway's callback events, whose SQL files ({@code beforeMigrate.sql}, {@code afterMigrate__x.sql}) are no
     * migrations; from Flyway's {@code Event}.
     */
    private static final List<String> CALLBACKS = List.of(
            "beforeClean",
            "afterClean",
            "afterCleanError",
            "beforeMigrate",
            "beforeEachMigrate",
            "beforeEachMigrateStatement",
            "afterEachMigrateStatement",
            "afterEachMigrateStatementError",
            "afterEachMigrate",
            "afterEachMigrateError",
            "beforeRepeatables",
            "afterVersioned",
            "afterMigrateApplied",
            "afterMigrate",
            "afterMigrateError",
            "beforeUndo",
            "beforeEachUndo",
            "beforeEachUndoStatement",
            "afterEachUndoStatement",
            "afterEachUndoStatementError",
            "afterEachUndo",
            "afterEachUndoError",
            "afterUndo",
            "afterUndoError",
            "beforeValidate",
            "afterValidate",
            "afterValidateError",
            "beforeBaseline",
            "afterBaseline",
            "afterBaselineError",
            "beforeRepair",
            "afterRepair",
            "afterRepairError",
            "beforeInfo",
            "afterInfo",
            "afterInfoError",
            "afterInfoOperationFinish",
            "afterMigrateOperationFinish",
            "createSchema",
            "beforeCreateSchema",
            "beforeConnect",
            "afterConnect");

    private static final Pattern JAVA_MIGRATION_TYPE = Pattern.compile("\\b(BaseJavaMigration|JavaMigration)\\b");
    private static final Pattern JAVA_PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    private final FlywaySettings settings;
    private final List<String> refusals = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Flyway's own placeholders, by lower-case name, whose value is the same for every file. */
    private final Map<String, String> builtIns = new HashMap<>();

    private FlywayMigrations(FlywaySettings settings) {
        this.settings = settings;
    }

    /** The kinds of file name Flyway parses. */
    private enum Prefix {
        VERSIONED,
        UNDO,
        REPEATABLE,
        CALLBACK
    }

    /** A file name parsed: its prefix, version (versioned and undo only) and description. */
    private record Name(Prefix prefix, @Nullable FlywayVersion version, String description) {}

    /** A migration found, with where it came from for messages. */
    private record Found(OldMigration migration, @Nullable FlywayVersion version, String where) {}

    /**
     * The chain Flyway would run for {@code settings}.
     *
     * @throws MigrateException when a file cannot be read
     */
    public static OldChain read(FlywaySettings settings) {
        return new FlywayMigrations(settings).read();
    }

    private OldChain read() {
        warnings.addAll(settings.warnings());
        builtIns();
        if (settings.outOfOrder()) {
            warnings.add("Flyway is configured with outOfOrder=true, so a database may have had its versions applied "
                    + "in another order than their numbers; the import writes them in version order, and its proof "
                    + "replays that order.");
        }
        List<Found> versioned = new ArrayList<>();
        List<Found> repeatable = new ArrayList<>();
        Map<FlywayVersion, Found> undo = new LinkedHashMap<>();
        Set<Path> seen = new HashSet<>();
        Set<String> javaClasses = new HashSet<>();
        for (FlywaySettings.Location location : settings.resolvedLocations()) {
            boolean any = false;
            Set<String> relatives = new HashSet<>();
            for (Path root : location.scriptRoots()) {
                if (!Files.isDirectory(root)) {
                    continue;
                }
                any = true;
                for (Path file : files(root)) {
                    String relative = relative(root, file);
                    // target/classes holds copies of src/main/resources: the same script on Flyway's class path
                    if (!seen.add(real(file)) || !relatives.add(relative)) {
                        continue;
                    }
                    script(location, file, relative, versioned, repeatable, undo);
                }
            }
            for (Path root : location.classRoots()) {
                any |= Files.isDirectory(root);
                for (Path file : Files.isDirectory(root) ? files(root) : List.<Path>of()) {
                    if (file.getFileName().toString().endsWith(".class")) {
                        javaClass(location, root, file, javaClasses, versioned, repeatable);
                    }
                }
            }
            for (Path root : location.sourceRoots()) {
                any |= Files.isDirectory(root);
                for (Path file : Files.isDirectory(root) ? files(root) : List.<Path>of()) {
                    if (file.getFileName().toString().endsWith(".java")) {
                        javaSource(location, root, file, javaClasses, versioned, repeatable);
                    }
                }
            }
            if (!any) {
                warnings.add("The Flyway location " + location.configured() + " names no directory of the project"
                        + (location.scriptRoots().isEmpty()
                                ? " the import can read (only classpath: and filesystem: locations without wildcards are read)"
                                : " (looked for "
                                        + location.scriptRoots().stream()
                                                .map(p -> settings.projectDir()
                                                        .relativize(p)
                                                        .toString())
                                                .toList()
                                        + ")")
                        + "; if its migrations live elsewhere, give -Dmigrate.import.flyway.locations=...");
            }
        }
        List<OldMigration> chain = new ArrayList<>();
        versioned.sort(Comparator.comparing(
                (Found f) -> f.version() == null ? FlywayVersion.parse("0").orElseThrow() : f.version()));
        Found previous = null;
        for (Found found : versioned) {
            FlywayVersion version = found.version();
            if (previous != null
                    && version != null
                    && previous.version() != null
                    && previous.version().sameAs(version)) {
                refusals.add("Flyway finds two migrations with version " + version + ": " + previous.where() + " and "
                        + found.where() + ". Flyway itself refuses to migrate with both; remove or renumber one.");
                continue;
            }
            previous = found;
            chain.add(withUndo(found, undo));
        }
        undo.values()
                .forEach(u -> warnings.add("The undo migration " + u.where() + " has no versioned migration of "
                        + "its version, so it undoes nothing the import keeps, and is left out."));
        repeatable.sort(Comparator.comparing((Found f) -> f.migration().description()));
        Found previousRepeatable = null;
        for (Found found : repeatable) {
            if (previousRepeatable != null
                    && previousRepeatable
                            .migration()
                            .description()
                            .equals(found.migration().description())) {
                refusals.add("Flyway finds two repeatable migrations described '"
                        + found.migration().description()
                        + "': " + previousRepeatable.where() + " and " + found.where()
                        + ". Flyway itself refuses to migrate with both; rename or merge one.");
                continue;
            }
            previousRepeatable = found;
            chain.add(found.migration());
        }
        return new OldChain(
                OldTool.FLYWAY,
                chain,
                settings.table(),
                settings.historySchema(),
                settings.baselineVersion(),
                refusals,
                warnings);
    }

    private OldMigration withUndo(Found found, Map<FlywayVersion, Found> undo) {
        FlywayVersion version = found.version();
        Found match = null;
        for (FlywayVersion candidate : List.copyOf(undo.keySet())) {
            if (version != null && candidate.sameAs(version)) {
                match = undo.remove(candidate);
            }
        }
        if (match == null) {
            return found.migration();
        }
        OldMigration m = found.migration();
        List<String> notes = new ArrayList<>(m.notes());
        notes.add(
                "Its downgrade is Flyway's undo migration " + match.migration().source() + ".");
        notes.addAll(match.migration().notes());
        return new OldMigration(
                m.tool(),
                m.key(),
                m.description(),
                m.source(),
                m.kind(),
                m.checksums(),
                m.upgrade(),
                match.migration().upgrade(),
                m.transactional(),
                m.javaClass(),
                notes);
    }

    // ---- scripts --------------------------------------------------------------------------------------------------

    private void script(
            FlywaySettings.Location location,
            Path file,
            String relative,
            List<Found> versioned,
            List<Found> repeatable,
            Map<FlywayVersion, Found> undo) {
        String fileName = file.getFileName().toString();
        String suffix = settings.sqlMigrationSuffixes().stream()
                .filter(s -> fileName.toLowerCase(Locale.ROOT).endsWith(s.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElse(null);
        if (suffix == null) {
            return; // .conf side files, READMEs, Java sources: no migration to Flyway
        }
        Name name = parse(fileName.substring(0, fileName.length() - suffix.length()))
                .orElse(null);
        if (name == null) {
            if (settings.validateMigrationNaming()) {
                // Flyway's ResourceNameValidator: "Invalid SQL filenames found"
                refusals.add("The Flyway script " + relative + " (location " + location.configured() + ") has a "
                        + "name Flyway cannot parse as a migration's (" + settings.sqlMigrationPrefix() + "<version>"
                        + settings.sqlMigrationSeparator() + "<description>" + suffix + ", or "
                        + settings.repeatableSqlMigrationPrefix() + settings.sqlMigrationSeparator() + "<description>"
                        + suffix + "), and validateMigrationNaming=true makes Flyway refuse to migrate with it. Rename "
                        + "it as Flyway expects, or move it out of the locations.");
            }
            return; // Flyway skips a name it cannot parse
        }
        String where = relative + " (location " + location.configured() + ")";
        if (name.prefix() == Prefix.CALLBACK) {
            warnings.add("The Flyway callback " + where + " runs around Flyway's commands and is not imported: if "
                    + "what it does is still needed, write it as a revision, or run it from the application.");
            return;
        }
        Path sideFile = file.resolveSibling(fileName + ".conf");
        Map<String, String> scriptConfig = scriptConfig(sideFile);
        Charset encoding = settings.encoding();
        if (scriptConfig.containsKey("encoding")) {
            encoding = Charset.forName(scriptConfig.get("encoding"));
        }
        String raw;
        try {
            raw = new String(Files.readAllBytes(file), encoding);
        } catch (IOException e) {
            throw new MigrateException(
                    "The Flyway migration " + file + " could not be read: " + e.getMessage()
                            + ". Check that the file is readable.",
                    e);
        }
        List<String> notes = new ArrayList<>();
        boolean replace = settings.placeholderReplacement();
        if (scriptConfig.containsKey("placeholderReplacement")) {
            replace = Boolean.parseBoolean(scriptConfig.get("placeholderReplacement"));
        }
        String text = replace ? placeholders(raw, fileName, where, notes) : raw;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<String> upgrade = new ArrayList<>();
        boolean nonTransactional = false;
        for (FlywayStatements.Statement statement : FlywayStatements.split(text)) {
            if (statement.copyFromStdin()) {
                refusals.add("The Flyway migration " + where + " loads rows with COPY ... FROM STDIN on line "
                        + statement.line() + ", which a revision cannot carry; turn its rows into INSERT statements "
                        + "(or COPY from a file the server reads) and import again.");
                continue;
            }
            nonTransactional |= statement.nonTransactional();
            upgrade.add(statement.text());
        }
        boolean transactional = !nonTransactional && settings.executeInTransaction();
        if (nonTransactional) {
            notes.add(
                    "Flyway runs it outside a transaction, since it holds a statement PostgreSQL refuses inside one.");
        } else if (!settings.executeInTransaction()) {
            notes.add("Flyway runs it outside a transaction, as the project sets executeInTransaction=false.");
        }
        String inTransaction = scriptConfig.get("executeInTransaction");
        if (inTransaction != null) {
            transactional = Boolean.parseBoolean(inTransaction);
            notes.add("Its script configuration " + sideFile.getFileName() + " sets executeInTransaction="
                    + transactional + ".");
        }
        if (scriptConfig.containsKey("shouldExecute")) {
            warnings.add("The Flyway migration " + where + " has a shouldExecute condition in " + sideFile.getFileName()
                    + ", which the import does not evaluate: it imports the migration as if it runs; remove it from "
                    + "the import's locations if it does not.");
        }
        Prefix prefix = name.prefix();
        List<String> checksums = new ArrayList<>();
        if (prefix == Prefix.REPEATABLE && replace) {
            // Flyway checksums a repeatable migration after replacing its placeholders (so that a changed value
            // runs it again), and keeps the raw file's checksum as an equivalent one
            checksums.add(Integer.toString(FlywayChecksum.of(text)));
        }
        String rawChecksum = Integer.toString(FlywayChecksum.of(raw));
        if (!checksums.contains(rawChecksum)) {
            checksums.add(rawChecksum);
        }
        FlywayVersion version = name.version();
        OldMigration migration = new OldMigration(
                OldTool.FLYWAY,
                prefix == Prefix.REPEATABLE || version == null ? name.description() : version.text(),
                name.description(),
                relative,
                prefix == Prefix.REPEATABLE ? OldMigration.Kind.REPEATABLE : OldMigration.Kind.VERSIONED,
                checksums,
                upgrade,
                null,
                transactional,
                null,
                notes);
        Found found = new Found(migration, version, where);
        switch (prefix) {
            case VERSIONED -> versioned.add(found);
            case REPEATABLE -> repeatable.add(found);
            case UNDO -> {
                if (version != null) {
                    undo.put(version, found);
                }
            }
            default -> {}
        }
    }

    /** The file name without its suffix parsed as Flyway does: the longest prefix that matches decides. */
    private Optional<Name> parse(String base) {
        Map<String, Prefix> prefixes = new LinkedHashMap<>();
        CALLBACKS.forEach(c -> prefixes.put(c, Prefix.CALLBACK));
        prefixes.put(settings.sqlMigrationPrefix(), Prefix.VERSIONED);
        prefixes.put(settings.undoSqlMigrationPrefix(), Prefix.UNDO);
        prefixes.put(settings.repeatableSqlMigrationPrefix(), Prefix.REPEATABLE);
        String prefix = prefixes.keySet().stream()
                .filter(base::startsWith)
                .max(Comparator.comparingInt(String::length))
                .orElse(null);
        if (prefix == null) {
            return Optional.empty();
        }
        Prefix kind = java.util.Objects.requireNonNull(prefixes.get(prefix));
        String rest = base.substring(prefix.length());
        String separator = settings.sqlMigrationSeparator();
        int at = rest.indexOf(separator);
        String versionPart = at < 0 ? rest : rest.substring(0, at);
        String description = (at < 0 ? "" : rest.substring(at + separator.length())).replace('_', ' ');
        if (kind == Prefix.VERSIONED || kind == Prefix.UNDO) {
            if (versionPart.isEmpty()) {
                return Optional.empty();
            }
            return FlywayVersion.parse(versionPart).map(v -> new Name(kind, v, description));
        }
        return versionPart.isEmpty() ? Optional.of(new Name(kind, null, description)) : Optional.empty();
    }

    /** The {@code V1__x.sql.conf} beside a script: Flyway's script configuration, placeholders left as written. */
    private static Map<String, String> scriptConfig(Path sideFile) {
        Map<String, String> config = new HashMap<>();
        if (!Files.isRegularFile(sideFile)) {
            return config;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(sideFile)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrateException(
                    "Flyway's script configuration " + sideFile + " could not be read: " + e.getMessage()
                            + ". Check that the file is readable.",
                    e);
        }
        properties
                .stringPropertyNames()
                .forEach(n -> config.put(n, properties.getProperty(n).strip()));
        return config;
    }

    // ---- placeholders -----------------------------------------------------------------------------------------

    private void builtIns() {
        String flyway = "flyway" + settings.placeholderSeparator();
        String schema = settings.historySchema();
        // with neither set, Flyway puts in the connection's current schema: public on a PostgreSQL as created
        builtIns.put((flyway + "defaultSchema").toLowerCase(Locale.ROOT), schema == null ? "public" : schema);
        if (settings.user() != null) {
            builtIns.put((flyway + "user").toLowerCase(Locale.ROOT), settings.user());
        }
        String database = databaseOf(settings.url());
        if (database != null) {
            builtIns.put((flyway + "database").toLowerCase(Locale.ROOT), database);
        }
        builtIns.put(
                (flyway + "timestamp").toLowerCase(Locale.ROOT),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                        .format(LocalDateTime.now(ZoneId.systemDefault())));
        builtIns.put(
                (flyway + "workingDirectory").toLowerCase(Locale.ROOT),
                settings.projectDir().toString());
        builtIns.put((flyway + "table").toLowerCase(Locale.ROOT), settings.table());
    }

    private static @Nullable String databaseOf(@Nullable String url) {
        if (url == null) {
            return null;
        }
        Matcher m = Pattern.compile("^jdbc:postgresql://[^/]*/([^?;]+)").matcher(url);
        return m.find() ? m.group(1) : null;
    }

    /**
     * {@code raw} with each placeholder replaced as Flyway does: anywhere in the text, comments and strings too,
     * names in any case; one without a value is a refusal naming its line.
     */
    private String placeholders(String raw, String fileName, String where, List<String> notes) {
        String open = settings.placeholderPrefix();
        String close = settings.placeholderSuffix();
        Map<String, String> values = new HashMap<>();
        settings.placeholders().forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v));
        values.putAll(builtIns);
        String flyway = "flyway" + settings.placeholderSeparator();
        values.put((flyway + "filename").toLowerCase(Locale.ROOT), fileName);
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (true) {
            int at = raw.indexOf(open, i);
            if (at < 0) {
                out.append(raw, i, raw.length());
                break;
            }
            out.append(raw, i, at);
            int end = raw.indexOf(close, at + open.length());
            String name = raw.substring(at + open.length(), end < 0 ? raw.length() : end);
            i = end < 0 ? raw.length() : end + close.length();
            String value = values.get(name.toLowerCase(Locale.ROOT));
            if (value == null) {
                String placeholder = open + name + close;
                int line = FlywayStatements.lineOf(raw, at);
                if (name.toLowerCase(Locale.ROOT).startsWith(flyway.toLowerCase(Locale.ROOT))) {
                    String setting = name.substring(flyway.length());
                    refusals.add("The Flyway migration " + where + " uses Flyway's placeholder " + placeholder
                            + " on line " + line + ", whose value Flyway takes from the database it connects to; "
                            + "give it with flyway." + setting + "=... (or spring.flyway." + setting
                            + ") or run the import with -Dmigrate.import.flyway." + setting + "=...");
                } else {
                    refusals.add("The Flyway migration " + where + " uses the placeholder " + placeholder + " on line "
                            + line + ", which no setting gives a value: "
                            + FlywaySettings.placeholderFix(name) + ".");
                }
                out.append(placeholder);
                continue;
            }
            if (name.equalsIgnoreCase(flyway + "timestamp") || name.equalsIgnoreCase(flyway + "workingDirectory")) {
                notes.add("Flyway's placeholder " + open + name + close + " is replaced with its value at the "
                        + "import; Flyway put in its own when it ran.");
            }
            out.append(value);
        }
        return out.toString();
    }

    // ---- Java migrations --------------------------------------------------------------------------------------

    private void javaClass(
            FlywaySettings.Location location,
            Path root,
            Path file,
            Set<String> seen,
            List<Found> versioned,
            List<Found> repeatable) {
        String relative = relative(root, file);
        String simple = file.getFileName().toString().replaceFirst("\\.class$", "");
        if (simple.contains("$") || !extendsJavaMigration(file)) {
            return;
        }
        String packagePath = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
        String pkg = join(location.javaPackage(), packagePath.replace('/', '.'));
        javaMigration(
                pkg.isEmpty() ? simple : pkg + "." + simple, simple, relative, location, seen, versioned, repeatable);
    }

    private void javaSource(
            FlywaySettings.Location location,
            Path root,
            Path file,
            Set<String> seen,
            List<Found> versioned,
            List<Found> repeatable) {
        String simple = file.getFileName().toString().replaceFirst("\\.java$", "");
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new MigrateException(
                    "The Java source " + file + " could not be read: " + e.getMessage()
                            + ". Check that the file is readable.",
                    e);
        }
        if (!JAVA_MIGRATION_TYPE.matcher(source).find()) {
            return;
        }
        Matcher pkg = JAVA_PACKAGE.matcher(source);
        String relative = relative(root, file);
        String packagePath = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
        String name = pkg.find() ? pkg.group(1) : join(location.javaPackage(), packagePath.replace('/', '.'));
        javaMigration(
                name.isEmpty() ? simple : name + "." + simple, simple, relative, location, seen, versioned, repeatable);
    }

    private void javaMigration(
            String className,
            String simple,
            String relative,
            FlywaySettings.Location location,
            Set<String> seen,
            List<Found> versioned,
            List<Found> repeatable) {
        Name name = parse(simple).orElse(null);
        if (name == null
                || !(name.prefix() == Prefix.VERSIONED || name.prefix() == Prefix.REPEATABLE)
                || !seen.add(className)) {
            return;
        }
        FlywayVersion version = name.version();
        boolean isRepeatable = name.prefix() == Prefix.REPEATABLE;
        OldMigration migration = new OldMigration(
                OldTool.FLYWAY,
                isRepeatable || version == null ? name.description() : version.text(),
                name.description(),
                className,
                isRepeatable ? OldMigration.Kind.REPEATABLE : OldMigration.Kind.VERSIONED,
                List.of(),
                List.of(),
                null,
                true,
                className,
                List.of("A Java-based Flyway migration: Flyway records the checksum its class's getChecksum() "
                        + "returns, none unless the class overrides it, so the import keeps none; its version and "
                        + "description are read from the class name, as BaseJavaMigration reads them."));
        Found found = new Found(
                migration, version, className + " (" + relative + ", location " + location.configured() + ")");
        (isRepeatable ? repeatable : versioned).add(found);
    }

    /**
     * Whether the class file's direct superclass is Flyway's {@code BaseJavaMigration} or it implements {@code
     * JavaMigration} itself; read from the constant pool, without loading the class, and false for an abstract one.
     */
    private static boolean extendsJavaMigration(Path classFile) {
        try (DataInputStream in =
                new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(classFile)))) {
            if (in.readInt() != 0xCAFEBABE) {
                return false;
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNameIndex = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classNameIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // a long or double takes two entries
                    }
                    default -> {
                        return false;
                    }
                }
            }
            int access = in.readUnsignedShort();
            if ((access & 0x0400) != 0 || (access & 0x0200) != 0) {
                return false; // abstract classes and interfaces are no migrations to Flyway
            }
            in.readUnsignedShort();
            List<String> supertypes = new ArrayList<>();
            supertypes.add(className(utf8, classNameIndex, in.readUnsignedShort()));
            int interfaces = in.readUnsignedShort();
            for (int i = 0; i < interfaces; i++) {
                supertypes.add(className(utf8, classNameIndex, in.readUnsignedShort()));
            }
            return supertypes.contains("org/flywaydb/core/api/migration/BaseJavaMigration")
                    || supertypes.contains("org/flywaydb/core/api/migration/JavaMigration");
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static String className(String[] utf8, int[] classNameIndex, int index) {
        if (index <= 0) {
            return "";
        }
        String name = utf8[classNameIndex[index]];
        return name == null ? "" : name;
    }

    // ---- files --------------------------------------------------------------------------------------------------

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new MigrateException(
                    "The Flyway location " + root + " could not be walked: " + e.getMessage()
                            + ". Check that the directory is readable.",
                    e);
        }
    }

    /** The path as Flyway names a script in its history table: from the location's root, with slashes. */
    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private static String join(@Nullable String first, String second) {
        if (first == null || first.isEmpty()) {
            return second;
        }
        return second.isEmpty() ? first : first + "." + second;
    }
}

package dev.migrate.imports.liquibase;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import liquibase.ChecksumVersion;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.CheckSum;
import liquibase.change.ColumnConfig;
import liquibase.change.DbmsTargetedChange;
import liquibase.change.core.EmptyChange;
import liquibase.change.core.ExecuteShellCommandChange;
import liquibase.change.core.LoadDataChange;
import liquibase.change.core.LoadDataColumnConfig;
import liquibase.change.core.OutputChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.change.custom.CustomChangeWrapper;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.command.CommandScope;
import liquibase.command.core.helpers.DatabaseChangelogCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.DatabaseList;
import liquibase.database.OfflineConnection;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.logging.core.NoOpLogService;
import liquibase.parser.ChangeLogParser;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.precondition.Precondition;
import liquibase.precondition.PreconditionLogic;
import liquibase.precondition.core.AndPrecondition;
import liquibase.precondition.core.ChangeLogPropertyDefinedPrecondition;
import liquibase.precondition.core.ChangeSetExecutedPrecondition;
import liquibase.precondition.core.DBMSPrecondition;
import liquibase.precondition.core.NotPrecondition;
import liquibase.precondition.core.ObjectQuotingStrategyPrecondition;
import liquibase.precondition.core.OrPrecondition;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.resource.CompositeResourceAccessor;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import liquibase.sql.Sql;
import liquibase.sql.visitor.SqlVisitor;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.ExecutablePreparedStatementBase;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.InsertStatement;
import liquibase.ui.LoggerUIService;
import liquibase.util.NowAndTodayUtil;
import liquibase.util.csv.CSVReader;
import org.jspecify.annotations.Nullable;

/**
 * The import's calls into Liquibase 4.x, made in the tool's own class loader: only JDK and Liquibase types here, in
 * and out, since nothing else of ours is visible where it runs.
 *
 * <p>Request keys: {@code op} ({@code read} or {@code update}), {@code roots} (list of directory paths Liquibase
 * searches), {@code changelog} (the root changelog's path under a root), {@code parameters} (map of changelog
 * parameters), {@code contexts}, {@code labels} (absent for none). For {@code update} also {@code url}, {@code user},
 * {@code password}, and at most one of {@code count} (an integer) and {@code tag}.
 *
 * <p>{@code read} answers a map: {@code changeSets}, a list of maps (one per changeset Liquibase would run on
 * PostgreSQL, in its order; keys listed at {@link #describe}), {@code otherDatabases}, a list of maps ({@code id},
 * {@code author}, {@code filePath}, {@code dbms}: the changesets the project's filters choose that Liquibase runs
 * only on other databases), {@code ignored}, maps of the same keys (the changesets the filters choose that
 * {@code ignore="true"} on them or on their include keeps out), and {@code changelogPreconditions}, a list of maps ({@code type}, {@code onFail},
 * {@code onError}, {@code text}, {@code onPostgres}: {@code holds}, {@code fails} or {@code runtime}; for
 * {@code runtime}, {@code tree}, the preconditions as {@link PreconditionTree} writes them, and the block's
 * {@code onFailMessage} and {@code onErrorMessage} when it has them), {@code includeAllComparators}, the
 * {@code resourceComparator} classes of {@code includeAll}s Liquibase could not load, and, where Liquibase could not
 * load an {@code includeAll}'s {@code resourceFilter} class and read nothing more, {@code includeAllFilters} with its
 * name and nothing else. {@code update} answers the number of changesets the database's
 * history table holds afterwards.
 */
public final class LiquibaseBridge implements Function<Map<String, Object>, Object> {
    /**
     * The PostgreSQL version Liquibase renders for offline: any from 10 on renders alike (identity columns rather
     * than serial), and 10 is older than anything the import runs against.
     */
    private static final String OFFLINE_URL = "offline:postgresql?version=16";

    /**
     * The offline URL, with the history Liquibase keeps offline in a temporary file: by default it writes
     * {@code databasechangelog.csv} into the working directory, which is the user's project.
     */
    private static String offlineUrl() {
        try {
            java.nio.file.Path history = java.nio.file.Files.createTempFile("migrate-import-changelog", ".csv");
            history.toFile().deleteOnExit();
            java.nio.file.Files.delete(history); // Liquibase creates it with its header
            return OFFLINE_URL + "&changeLogFile=" + history.toString().replace('\\', '/');
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No temporary file for Liquibase's offline history: " + e.getMessage(), e);
        }
    }

    /** The schema Liquibase finds current on a PostgreSQL connection unless a project configures another. */
    private static final String DEFAULT_SCHEMA = "public";

    /** Whether this loader's Liquibase has {@link LenientCustomChange} yet: registered once, for all reads. */
    private static boolean lenientCustomChange;

    @Override
    public Object apply(Map<String, Object> request) {
        String op = string(request, "op");
        try {
            return Scope.child(quietScope(resources(request)), () -> switch (String.valueOf(op)) {
                case "read" -> read(request);
                case "update" -> update(request);
                default -> throw new IllegalArgumentException("No Liquibase bridge operation " + op);
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // the front classes cannot see Liquibase's exception types: keep the message, drop the type
            throw new IllegalStateException(message(e), e);
        }
    }

    /** What Liquibase's scope needs here: the files, and no banner, analytics, console output or logging. */
    private static Map<String, Object> quietScope(ResourceAccessor resources) {
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.resourceAccessor.name(), resources);
        scope.put(Scope.Attr.ui.name(), new LoggerUIService());
        scope.put(Scope.Attr.logService.name(), new NoOpLogService());
        scope.put("liquibase.analytics.enabled", false);
        scope.put("liquibase.showBanner", false);
        return scope;
    }

    private static ResourceAccessor resources(Map<String, Object> request) throws FileNotFoundException {
        List<ResourceAccessor> roots = new ArrayList<>();
        for (Object root : list(request, "roots")) {
            roots.add(new DirectoryResourceAccessor(Path.of(String.valueOf(root))));
        }
        return new SpringPaths(roots);
    }

    /**
     * The search roots, where a path Spring's resource loader reads ({@code classpath:db/changelog/first.yaml},
     * {@code classpath*:...}) is found under them, as Spring Boot's Liquibase finds it on the class path: an
     * {@code include}, {@code includeAll} or {@code sqlFile} a Spring project wrote so runs there, and Liquibase's Maven
     * plugin, whose search path takes no such prefix, would not have read it.
     */
    private static final class SpringPaths extends CompositeResourceAccessor {
        SpringPaths(List<ResourceAccessor> roots) {
            super(roots);
        }

        @Override
        public List<Resource> search(String path, SearchOptions options) throws IOException {
            return super.search(plain(path), options);
        }

        @Override
        public List<Resource> search(String path, boolean recursive) throws IOException {
            return super.search(plain(path), recursive);
        }

        @Override
        public List<Resource> getAll(String path) throws IOException {
            return super.getAll(plain(path));
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }

        private static String plain(String path) {
            for (String prefix : List.of("classpath*:", "classpath:")) {
                if (path.startsWith(prefix)) {
                    String rest = path.substring(prefix.length());
                    return rest.startsWith("/") ? rest.substring(1) : rest;
                }
            }
            return path;
        }
    }

    // ---------------------------------------------------------------- read

    private static Map<String, Object> read(Map<String, Object> request) throws Exception {
        // a custom change's class is the project's, absent here: keep it by name rather than fail the changelog
        synchronized (LiquibaseBridge.class) {
            if (!lenientCustomChange) {
                Scope.getCurrentScope().getSingleton(ChangeFactory.class).register(new LenientCustomChange());
                lenientCustomChange = true;
            }
        }
        PostgresDatabase database = new OfflinePostgres();
        database.setConnection(
                new OfflineConnection(offlineUrl(), Scope.getCurrentScope().getResourceAccessor()));
        // as on a live connection, whose current schema Liquibase qualifies names with
        configure(database, request, DEFAULT_SCHEMA);
        Map<String, Object> answer = new LinkedHashMap<>();
        IncludeAllClasses includeAllClasses = new IncludeAllClasses();
        Map<String, Object> scope = new HashMap<>();
        scope.put(Scope.Attr.database.name(), database);
        scope.put(Scope.Attr.logService.name(), includeAllClasses);
        Scope.child(scope, () -> {
            DatabaseChangeLog changeLog;
            try {
                changeLog = parse(request, database);
            } catch (Exception e) {
                String filter = IncludeAllClasses.absentFilter(e);
                if (filter == null) {
                    throw e;
                }
                answer.put("includeAllFilters", List.of(filter));
                return;
            }
            Contexts contexts = new Contexts(string(request, "contexts"));
            LabelExpression labels = new LabelExpression(string(request, "labels"));
            List<ChangeSetFilter> filters =
                    List.of(new ContextChangeSetFilter(contexts), new LabelChangeSetFilter(labels));
            IgnoreChangeSetFilter ignore = new IgnoreChangeSetFilter();
            DbmsChangeSetFilter dbms = new DbmsChangeSetFilter(database);
            List<Map<String, Object>> changeSets = new ArrayList<>();
            List<Map<String, Object>> otherDatabases = new ArrayList<>();
            List<Map<String, Object>> ignored = new ArrayList<>();
            for (ChangeSet changeSet : changeLog.getChangeSets()) {
                if (!filters.stream().allMatch(f -> f.accepts(changeSet).isAccepted())) {
                    continue;
                }
                if (!ignore.accepts(changeSet).isAccepted()) {
                    // ignore="true" on it or on the include that brings it: Liquibase neither runs nor records it
                    ignored.add(otherDatabase(changeSet));
                } else if (dbms.accepts(changeSet).isAccepted()) {
                    changeSets.add(describe(changeSet, database, changeLog));
                } else {
                    otherDatabases.add(otherDatabase(changeSet));
                }
            }
            // the parser keeps a changeset whose dbms does not match apart, with its identity only
            for (ChangeSet changeSet : changeLog.getSkippedChangeSets()) {
                otherDatabases.add(otherDatabase(changeSet));
            }
            answer.put("otherDatabases", otherDatabases);
            answer.put("ignored", ignored);
            answer.put("changeSets", changeSets);
            answer.put(
                    "changelogPreconditions",
                    preconditions(changeLog.getPreconditions(), new Where(database, changeLog, null)));
        });
        answer.put("includeAllComparators", includeAllClasses.comparators());
        return answer;
    }

    /** A changeset only other databases run, as the report names it. */
    private static Map<String, Object> otherDatabase(ChangeSet changeSet) {
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("id", changeSet.getId());
        other.put("author", changeSet.getAuthor());
        other.put("filePath", changeSet.getFilePath());
        other.put("dbms", changeSet.getDbmsSet() == null ? "" : String.join(",", changeSet.getDbmsSet()));
        return other;
    }

    private static DatabaseChangeLog parse(Map<String, Object> request, Database database) throws Exception {
        String path = String.valueOf(string(request, "changelog"));
        ResourceAccessor resources = Scope.getCurrentScope().getResourceAccessor();
        ChangeLogParser parser = ChangeLogParserFactory.getInstance().getParser(path, resources);
        if (parser instanceof XMLChangeLogSAXParser xml) {
            xml.setShouldWarnOnMismatchedXsdVersion(false);
        }
        return parser.parse(path, parameters(request, database), resources);
    }

    /**
     * As Liquibase's update command builds them, less Java system properties and a defaults file: what the caller
     * gives first, since Liquibase keeps a parameter's first value and the changelog's {@code property} comes after.
     */
    static ChangeLogParameters parameters(Map<String, Object> request, Database database) {
        ChangeLogParameters parameters = new ChangeLogParameters(database);
        Object given = request.get("parameters");
        if (given instanceof Map<?, ?> map) {
            map.forEach((k, v) -> parameters.set(String.valueOf(k), String.valueOf(v)));
        }
        parameters.setContexts(new Contexts(string(request, "contexts")));
        parameters.setLabels(new LabelExpression(string(request, "labels")));
        return parameters;
    }

    /**
     * One changeset as the import needs it. Keys: {@code id}, {@code author}, {@code filePath}, {@code checksum9},
     * {@code checksum8} (each null when Liquibase could not compute it, then {@code checksumError}),
     * {@code validCheckSums}, {@code description}, {@code comments}, {@code contexts}, {@code labels},
     * {@code runOnChange}, {@code runAlways}, {@code runInTransaction}, {@code failOnError}, {@code statements},
     * {@code rollback} (null when none), {@code rollbackKind} ({@code written}, {@code derived}, {@code none}),
     * {@code rollbackReason}, {@code tag}, {@code preconditions}, {@code customChanges}, {@code problems} (why
     * Liquibase cannot render it offline, full sentences).
     */
    private static Map<String, Object> describe(ChangeSet changeSet, Database database, DatabaseChangeLog changeLog) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", changeSet.getId());
        out.put("author", changeSet.getAuthor());
        out.put("filePath", changeSet.getFilePath());
        List<String> problems = new ArrayList<>();
        try {
            out.put("checksum9", checksum(changeSet, ChecksumVersion.latest()));
            out.put("checksum8", checksum(changeSet, ChecksumVersion.V8));
        } catch (RuntimeException e) {
            out.put("checksum9", null);
            out.put("checksum8", null);
            out.put("checksumError", message(e));
        }
        List<String> valid = new ArrayList<>();
        for (CheckSum sum : changeSet.getValidCheckSums()) {
            valid.add(sum.toString());
        }
        out.put("validCheckSums", valid);
        out.put("description", changeSet.getDescription());
        out.put("comments", changeSet.getComments());
        out.put("contexts", changeSet.buildFullContext());
        out.put("labels", changeSet.buildFullLabels());
        out.put("runOnChange", changeSet.isRunOnChange());
        out.put("runAlways", changeSet.isAlwaysRun());
        out.put("runInTransaction", changeSet.isRunInTransaction());
        out.put("failOnError", changeSet.getFailOnError() == null || changeSet.getFailOnError());
        out.put(
                "preconditions",
                preconditions(changeSet.getPreconditions(), new Where(database, changeLog, changeSet)));

        List<String> customChanges = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        String tag = null;
        for (Change change : changeSet.getChanges()) {
            if (skipped(change, database)) {
                continue;
            }
            if (change instanceof CustomChangeWrapper custom) {
                customChanges.add(custom.getClassName());
                continue;
            }
            if (change instanceof TagDatabaseChange tagChange) {
                // the tag is a column of Liquibase's history row, not a statement on the schema
                tag = tagChange.getTag();
                continue;
            }
            if (change instanceof ExecuteShellCommandChange) {
                problems.add("It runs a shell command (executeCommand), which is no SQL the import can keep.");
                continue;
            }
            if (change instanceof OutputChange) {
                continue; // prints a message only
            }
            try {
                change.finishInitialization();
                if (change instanceof LoadDataChange load) {
                    String frozen = nowOrToday(load);
                    if (frozen != null) {
                        problems.add("Its " + change.getSerializedObjectName() + " gives " + frozen + ", which "
                                + "Liquibase turns into the date or time of the moment it runs; a revision would "
                                + "hold the moment of the import instead. Make that column COMPUTED with now() or "
                                + "current_date, with a validCheckSum of the checksum Liquibase recorded for it.");
                        continue;
                    }
                }
                // loadData says so of itself always, for the column types it may look up; offline it renders
                // with the types the changelog gives and quoted text for the rest, which PostgreSQL casts to
                // the column's type as the live run's string parameters are
                if (!(change instanceof LoadDataChange) && change.generateStatementsVolatile(database)) {
                    problems.add("Its " + change.getSerializedObjectName() + " change needs a live database to "
                            + "render its SQL (Liquibase generates it from what the database holds then).");
                    continue;
                }
                statements.addAll(render(change.generateStatements(database), database, changeSet, false));
            } catch (Exception | LinkageError e) {
                problems.add("Liquibase could not render its " + change.getSerializedObjectName() + " change offline: "
                        + message(e));
            }
        }
        out.put("statements", statements);
        out.put("tag", tag);
        out.put("customChanges", customChanges);
        rollback(changeSet, database, out);
        out.put("problems", problems);
        return out;
    }

    /**
     * The first value of a {@code date}, {@code datetime} or {@code time} column that Liquibase reads as the moment
     * it runs ({@code NOW}, {@code TODAY}, with or without an offset), as a reader finds it in the CSV file; null for
     * none.
     */
    private static @Nullable String nowOrToday(LoadDataChange load) throws Exception {
        Map<String, String> temporal = new HashMap<>();
        for (LoadDataColumnConfig column : load.getColumns()) {
            String type = column.getType();
            if (type != null && List.of("date", "datetime", "time").contains(type.toLowerCase(Locale.ROOT))) {
                temporal.put(
                        column.getHeader() != null ? column.getHeader() : column.getName(),
                        column.getName() + " (" + type.toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (temporal.isEmpty()) {
            return null;
        }
        CSVReader reader = load.getCSVReader();
        if (reader == null) {
            return null;
        }
        try {
            String[] header = reader.readNext();
            String[] row;
            while (header != null && (row = reader.readNext()) != null) {
                for (int i = 0; i < Math.min(header.length, row.length); i++) {
                    String column = temporal.get(header[i].strip());
                    if (column != null && NowAndTodayUtil.isNowOrTodayFormat(row[i].strip())) {
                        return "the value " + row[i].strip() + " for its column " + column + " in " + load.getFile();
                    }
                }
            }
            return null;
        } finally {
            reader.close();
        }
    }

    /** The checksum as Liquibase stores it, computed afresh: a changeset keeps the last one it computed. */
    private static String checksum(ChangeSet changeSet, ChecksumVersion version) {
        changeSet.clearCheckSum();
        try {
            return changeSet.generateCheckSum(version).toString();
        } finally {
            changeSet.clearCheckSum();
        }
    }

    /** A change Liquibase skips on PostgreSQL or on this operating system, as it does when it updates. */
    private static boolean skipped(Change change, Database database) {
        return (change instanceof DbmsTargetedChange targeted
                        && !DatabaseList.definitionMatches(targeted.getDbms(), database, true))
                || !change.shouldRunOnOs();
    }

    /** The rollback as Liquibase's {@code rollback} would run it: the written one, else derived from the changes. */
    private static void rollback(ChangeSet changeSet, Database database, Map<String, Object> out) {
        List<String> statements = new ArrayList<>();
        try {
            if (changeSet.hasCustomRollbackChanges()) {
                out.put("rollbackKind", "written");
                for (Change change : changeSet.getRollback().getChanges()) {
                    if (skipped(change, database)
                            || change instanceof EmptyChange
                            || (change instanceof RawSQLChange raw && "empty".equalsIgnoreCase(raw.getSql()))) {
                        continue;
                    }
                    change.finishInitialization();
                    statements.addAll(render(change.generateStatements(database), database, changeSet, true));
                }
            } else {
                out.put("rollbackKind", "derived");
                List<Change> changes = changeSet.getChanges();
                for (int i = changes.size() - 1; i >= 0; i--) {
                    Change change = changes.get(i);
                    if (skipped(change, database) || change instanceof TagDatabaseChange) {
                        continue;
                    }
                    if (change instanceof RawSQLChange
                            && changeSet.getFilePath().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                        none(out, "Liquibase derives no rollback for raw SQL and the changeset has no --rollback.");
                        return;
                    }
                    if (!change.supportsRollback(database)) {
                        none(
                                out,
                                "Liquibase derives no rollback for its " + change.getSerializedObjectName()
                                        + " change and the changeset has no rollback block.");
                        return;
                    }
                    statements.addAll(render(change.generateRollbackStatements(database), database, changeSet, true));
                }
            }
        } catch (Exception | LinkageError e) {
            none(out, "Liquibase could not render its rollback offline: " + message(e));
            return;
        }
        out.put("rollback", statements);
        out.put("rollbackReason", null);
    }

    private static void none(Map<String, Object> out, String reason) {
        out.put("rollbackKind", "none");
        out.put("rollback", null);
        out.put("rollbackReason", reason);
    }

    /**
     * The statements' SQL for PostgreSQL, each without its end delimiter, after the changeset's {@code modifySql}
     * for PostgreSQL, as Liquibase's executor sends them.
     */
    private static List<String> render(
            SqlStatement @Nullable [] statements, Database database, ChangeSet changeSet, boolean forRollback) {
        List<String> out = new ArrayList<>();
        if (statements == null) {
            return out;
        }
        for (SqlStatement given : statements) {
            SqlStatement statement =
                    given instanceof ExecutablePreparedStatementBase prepared ? asInsert(prepared) : given;
            for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(statement, database)) {
                String text = sql.toSql();
                for (SqlVisitor visitor : changeSet.getSqlVisitors()) {
                    if (applies(visitor, database) && (!forRollback || visitor.isApplyToRollback())) {
                        text = visitor.modifySql(text, database);
                    }
                }
                text = withoutDelimiter(text);
                if (!text.isEmpty()) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    /**
     * loadData's prepared insert as a plain one with its values inline, which is what it inserts: a prepared
     * statement has no SQL text of its own (Liquibase's update-sql prints none for it). A value Liquibase reads
     * from another file when it runs (a CLOB or BLOB file) has none here either.
     */
    private static SqlStatement asInsert(ExecutablePreparedStatementBase prepared) {
        InsertStatement insert =
                new InsertStatement(prepared.getCatalogName(), prepared.getSchemaName(), prepared.getTableName());
        for (ColumnConfig column : prepared.getColumns()) {
            if (column.getValueClobFile() != null || column.getValueBlobFile() != null) {
                throw new IllegalStateException("Its column " + column.getName() + " takes its value from the file "
                        + (column.getValueClobFile() != null ? column.getValueClobFile() : column.getValueBlobFile())
                        + ", which Liquibase reads only when it runs.");
            }
            Object value = column.getValueObject();
            insert.addColumnValue(column.getName(), value == null ? "NULL" : value);
        }
        return insert;
    }

    private static boolean applies(SqlVisitor visitor, Database database) {
        Collection<String> dbms = visitor.getApplicableDbms();
        return dbms == null || dbms.isEmpty() || DatabaseList.definitionMatches(dbms, database, true);
    }

    static String withoutDelimiter(String sql) {
        String text = sql.strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).stripTrailing();
        }
        return text;
    }

    /** Where preconditions are checked: the database Liquibase renders for, the root changelog, the changeset. */
    private record Where(
            Database database,
            DatabaseChangeLog changeLog,
            @Nullable ChangeSet changeSet) {}

    private static List<Map<String, Object>> preconditions(@Nullable PreconditionContainer container, Where where) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (container == null) {
            return out;
        }
        List<String> types = new ArrayList<>();
        List<Precondition> own = new ArrayList<>();
        List<Map<String, Object>> included = new ArrayList<>();
        for (Precondition nested : container.getNestedPreconditions()) {
            if (nested instanceof PreconditionContainer inner) {
                // an included changelog's own container, which Liquibase nests here, empty or not
                included.addAll(preconditions(inner, where));
            } else {
                types.add(nested.getName());
                own.add(nested);
            }
        }
        if (!types.isEmpty()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("type", String.join(", ", types));
            one.put("onFail", String.valueOf(container.getOnFail()));
            one.put("onError", String.valueOf(container.getOnError()));
            one.put("text", own.stream().map(LiquibaseBridge::text).collect(Collectors.joining(", ")));
            Boolean decided = onPostgres(own, Logic.AND, where);
            one.put("onPostgres", decided == null ? "runtime" : decided ? "holds" : "fails");
            if (decided == null) {
                one.put(
                        "tree",
                        new PreconditionTree(
                                        where.database(),
                                        p -> onPostgres(p, where),
                                        LiquibaseBridge::text,
                                        executed -> executedFile(executed, where))
                                .all(own));
                if (container.getOnFailMessage() != null) {
                    one.put("onFailMessage", container.getOnFailMessage());
                }
                if (container.getOnErrorMessage() != null) {
                    one.put("onErrorMessage", container.getOnErrorMessage());
                }
                one.put("onSqlOutput", String.valueOf(container.getOnSqlOutput()));
            }
            out.add(one);
        }
        out.addAll(included);
        return out;
    }

    /** How preconditions combine: Liquibase's {@code and}, {@code or} and {@code not}. */
    private enum Logic {
        AND,
        OR,
        NOT
    }

    /**
     * Whether {@code preconditions}, combined by {@code logic}, hold on PostgreSQL whatever the database holds:
     * {@code dbms}, {@code expectedQuotingStrategy} and {@code changeLogPropertyDefined} are known before any database
     * is, the rest only on one ({@code null}). Three-valued, as one that fails decides an {@code and} however its
     * other preconditions turn out.
     */
    private static @Nullable Boolean onPostgres(List<Precondition> preconditions, Logic logic, Where where) {
        boolean unknown = false;
        for (Precondition p : preconditions) {
            Boolean one = onPostgres(p, where);
            if (one == null) {
                unknown = true;
            } else if (logic == Logic.AND && !one) {
                return false;
            } else if (logic == Logic.OR && one) {
                return true;
            } else if (logic == Logic.NOT && one) {
                return false; // not(a, b) fails as soon as one of them holds
            }
        }
        if (unknown) {
            return null;
        }
        return logic != Logic.OR; // an empty or fails in Liquibase too
    }

    private static @Nullable Boolean onPostgres(Precondition p, Where where) {
        if (p instanceof DBMSPrecondition
                || p instanceof ObjectQuotingStrategyPrecondition
                || p instanceof ChangeLogPropertyDefinedPrecondition) {
            // these look at the database's kind, the changelog and its parameters only: Liquibase's own check,
            // made here as it would be on any PostgreSQL database
            try {
                p.check(where.database(), where.changeLog(), where.changeSet(), null);
                return true;
            } catch (PreconditionFailedException e) {
                return false;
            } catch (PreconditionErrorException | RuntimeException e) {
                return null;
            }
        }
        if (p instanceof ChangeSetExecutedPrecondition executed && where.changeSet() != null) {
            return executedBefore(executed, where.changeSet(), where);
        }
        if (p instanceof NotPrecondition not) {
            return onPostgres(not.getNestedPreconditions(), Logic.NOT, where);
        }
        if (p instanceof OrPrecondition or) {
            return onPostgres(or.getNestedPreconditions(), Logic.OR, where);
        }
        if (p instanceof AndPrecondition and) {
            return onPostgres(and.getNestedPreconditions(), Logic.AND, where);
        }
        return null;
    }

    /**
     * Whether the changeset a {@code changeSetExecuted} of {@code current} names has run (or was marked ran) on a
     * database when {@code current} is about to run, decided here: the import writes one revision per changeset,
     * each revising the one before, so when a revision runs, the revisions of every changeset before it in the
     * changelog are applied (the ancestors of the current head, whether they ran or were marked ran, as
     * Liquibase's EXECTYPE MARK_RAN counts as ran) and those of the changesets after it are not, on every database;
     * a database Liquibase ran out of that order cannot move in anyway. So the answer is the same everywhere, as for
     * dbms, and the changeset is kept plainly or left out as for a dbms precondition. A changeset the changelog
     * leaves to other databases ({@code dbms}) is never recorded on PostgreSQL. {@code null} (undecided: the revision's
     * guard looks for its row in Liquibase's history table on the database it runs on, as Liquibase does) for a
     * changeset that is not in this changelog, which another changelog may have run on some databases and not on
     * others.
     */
    private static @Nullable Boolean executedBefore(
            ChangeSetExecutedPrecondition executed, ChangeSet current, Where where) {
        String file = executedFile(executed, where);
        List<ChangeSet> all = where.changeLog().getChangeSets();
        for (int i = 0; i < all.size(); i++) {
            ChangeSet named = all.get(i);
            if (named.getId().equals(executed.getId())
                    && String.valueOf(named.getAuthor()).equalsIgnoreCase(String.valueOf(executed.getAuthor()))
                    && samePath(named.getFilePath(), file)) {
                return i < all.indexOf(current)
                        && new DbmsChangeSetFilter(where.database())
                                .accepts(named)
                                .isAccepted();
            }
        }
        for (ChangeSet skipped : where.changeLog().getSkippedChangeSets()) {
            if (skipped.getId().equals(executed.getId()) && samePath(skipped.getFilePath(), file)) {
                return false; // for other databases only: Liquibase never records it on PostgreSQL
            }
        }
        return null;
    }

    /**
     * The changelog file a {@code changeSetExecuted} names: its {@code changeLogFile}, else that of the changelog it
     * is in (the root's for the changelog's own preconditions).
     */
    private static String executedFile(ChangeSetExecutedPrecondition executed, Where where) {
        if (executed.getChangeLogFile() != null) {
            return executed.getChangeLogFile();
        }
        DatabaseChangeLog in = where.changeSet() != null ? where.changeSet().getChangeLog() : where.changeLog();
        return String.valueOf(in.getLogicalFilePath());
    }

    /** Two changelog paths as Liquibase compares them in databasechangelog: without classpath: or a leading /. */
    private static boolean samePath(@Nullable String a, @Nullable String b) {
        return a != null && b != null && plainPath(a).equals(plainPath(b));
    }

    private static String plainPath(String path) {
        String plain = path.replace('\\', '/');
        if (plain.startsWith("classpath:")) {
            plain = plain.substring("classpath:".length());
        }
        while (plain.startsWith("/")) {
            plain = plain.substring(1);
        }
        return plain;
    }

    /** A precondition as a reader of the report knows it from the changelog: {@code not(tableExists)}. */
    private static String text(Precondition p) {
        if (p instanceof DBMSPrecondition dbms) {
            return "dbms type=" + dbms.getType();
        }
        if (p instanceof ObjectQuotingStrategyPrecondition quoting) {
            return "expectedQuotingStrategy strategy=" + quoting.getSerializableFieldValue("strategy");
        }
        if (p instanceof ChangeLogPropertyDefinedPrecondition property) {
            return "changeLogPropertyDefined property=" + property.getProperty()
                    + (property.getValue() == null ? "" : " value=" + property.getValue());
        }
        if (p instanceof PreconditionLogic logic) {
            return p.getName() + "("
                    + logic.getNestedPreconditions().stream()
                            .map(LiquibaseBridge::text)
                            .collect(Collectors.joining(", "))
                    + ")";
        }
        // the attributes that name what it looks at, as the changelog writes them
        StringBuilder text = new StringBuilder(p.getName());
        for (String field : List.of(
                "schemaName",
                "tableName",
                "columnName",
                "indexName",
                "viewName",
                "sequenceName",
                "primaryKeyName",
                "foreignKeyName",
                "foreignKeyTableName",
                "changeLogFile",
                "id",
                "author",
                "expectedRows",
                "expectedResult")) {
            if (p.getSerializableFields().contains(field) && p.getSerializableFieldValue(field) != null) {
                text.append(' ').append(field).append('=').append(p.getSerializableFieldValue(field));
            }
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- update

    private static Object update(Map<String, Object> request) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", String.valueOf(string(request, "user")));
        String password = string(request, "password");
        if (password != null) {
            credentials.setProperty("password", password);
        }
        // the driver of this loader, directly: DriverManager would offer whichever loader's registered first
        Driver driver = Class.forName("org.postgresql.Driver", true, LiquibaseBridge.class.getClassLoader())
                .asSubclass(Driver.class)
                .getDeclaredConstructor()
                .newInstance();
        try (Connection connection = driver.connect(String.valueOf(string(request, "url")), credentials)) {
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            configure(database, request, null);
            Object count = request.get("count");
            String tag = string(request, "tag");
            CommandScope command;
            if (count != null) {
                command = new CommandScope("updateCount").addArgumentValue("count", ((Number) count).intValue());
            } else if (tag != null) {
                command = new CommandScope("updateToTag").addArgumentValue("tag", tag);
            } else {
                command = new CommandScope("update");
            }
            command.addArgumentValue("database", database)
                    .addArgumentValue("changelogFile", string(request, "changelog"))
                    .addArgumentValue(DatabaseChangelogCommandStep.CHANGELOG_PARAMETERS, parameters(request, database));
            String contexts = string(request, "contexts");
            if (contexts != null) {
                command.addArgumentValue("contextFilter", contexts);
            }
            String labels = string(request, "labels");
            if (labels != null) {
                command.addArgumentValue("labelFilter", labels);
            }
            // Liquibase's summary goes to the caller's console otherwise
            command.setOutput(OutputStream.nullOutputStream());
            command.execute();
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT count(*) FROM "
                            + database.escapeTableName(
                                    null,
                                    database.getLiquibaseSchemaName(),
                                    database.getDatabaseChangeLogTableName()))) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The project's schemas and table names, as Liquibase's {@code defaultSchemaName}, {@code changelogSchemaName},
     * {@code databaseChangeLogTableName} and {@code databaseChangeLogLockTableName} set them.
     */
    private static void configure(Database database, Map<String, Object> request, @Nullable String fallback)
            throws DatabaseException {
        String schema = string(request, "defaultSchema");
        if (schema != null || fallback != null) {
            database.setDefaultSchemaName(schema != null ? schema : fallback);
        }
        String changelogSchema = string(request, "changelogSchema");
        if (changelogSchema != null) {
            database.setLiquibaseSchemaName(changelogSchema);
        }
        String table = string(request, "table");
        if (table != null) {
            database.setDatabaseChangeLogTableName(table);
        }
        String lockTable = string(request, "lockTable");
        if (lockTable != null) {
            database.setDatabaseChangeLogLockTableName(lockTable);
        }
    }

    private static @Nullable String string(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : value.toString();
    }

    private static List<?> list(Map<String, Object> request, String key) {
        return request.get(key) instanceof List<?> list ? list : List.of();
    }

    /** The innermost message that says something, with the outer ones Liquibase wraps it in. */
    private static String message(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && text.indexOf(m.strip()) < 0) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(m.strip());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > 0 ? text.toString() : e.toString();
    }
}

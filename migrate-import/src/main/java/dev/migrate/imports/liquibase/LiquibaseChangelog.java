package dev.migrate.imports.liquibase;

import dev.migrate.MigrateException;
import dev.migrate.imports.tool.OldChain;
import dev.migrate.imports.tool.OldMigration;
import dev.migrate.imports.tool.OldTool;
import dev.migrate.imports.tool.ToolLoader;
import dev.migrate.op.Precondition;
import dev.migrate.op.SqlOp;
import dev.migrate.sql.Identifiers;
import dev.migrate.sql.Literals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Liquibase changelog read by Liquibase 4.x itself, offline, as it would run on PostgreSQL: every changeset that
 * passes the project's filters and its {@code dbms}, in changelog order, includes followed.
 *
 * @param project the changelog and how the project runs it
 * @param changeSets its changesets in the order Liquibase runs them on an empty database
 * @param preconditions the changelog's own preconditions (with those of the changelogs it includes)
 * @param otherDatabases the changesets the project's filters choose and whose {@code dbms} keeps them off
 *     PostgreSQL, in changelog order
 * @param ignored the changesets the project's filters choose that {@code ignore="true"} (on the changeset or on its
 *     {@code include} or {@code includeAll}) keeps out, each by its {@code filePath::id::author}, in changelog order
 * @param includeAllClasses what an {@code includeAll} asks that the import cannot do, each a refusal: a
 *     {@code resourceFilter} or {@code resourceComparator} class of the project's own, which Liquibase loads from the
 *     application's class path
 */
public record LiquibaseChangelog(
        LiquibaseProject project,
        List<LiquibaseChangeSet> changeSets,
        List<LiquibaseChangeSet.Precondition> preconditions,
        List<OtherDatabases> otherDatabases,
        List<String> ignored,
        List<String> includeAllClasses) {

    /**
     * A changeset Liquibase runs only on other databases ({@code dbms="oracle"}): no PostgreSQL database ran it.
     *
     * @param key its {@code filePath::id::author}
     * @param dbms its {@code dbms} attribute as written
     */
    public record OtherDatabases(String key, String dbms) {
        public OtherDatabases {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(dbms, "dbms");
        }
    }

    private static final String BRIDGE = "dev.migrate.imports.liquibase.LiquibaseBridge";

    public LiquibaseChangelog {
        Objects.requireNonNull(project, "project");
        changeSets = List.copyOf(changeSets);
        preconditions = List.copyOf(preconditions);
        otherDatabases = List.copyOf(otherDatabases);
        ignored = List.copyOf(ignored);
        includeAllClasses = List.copyOf(includeAllClasses);
    }

    /**
     * The changelog as Liquibase reads it, in {@code loader} (a {@link ToolLoader} of {@link OldTool#LIQUIBASE}).
     *
     * @throws MigrateException naming the changelog when Liquibase cannot read it
     */
    public static LiquibaseChangelog parse(ToolLoader loader, LiquibaseProject project) {
        Object answer;
        try {
            answer = loader.call(BRIDGE, project.request("read"));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new MigrateException(
                    "Liquibase could not read the changelog " + project.changelog() + " under "
                            + project.searchRoots() + ": " + e.getMessage()
                            + ". Check that `liquibase validate` passes "
                            + "with the same search path, parameters and filters.",
                    e);
        }
        Map<?, ?> map = (Map<?, ?>) answer;
        List<String> includeAllClasses = includeAllClasses(project, map);
        List<LiquibaseChangeSet> changeSets = new ArrayList<>();
        for (Object item : map.get("changeSets") instanceof List<?> list ? list : List.of()) {
            changeSets.add(LiquibaseChangeSet.fromBridge((Map<?, ?>) item, project.history()));
        }
        List<OtherDatabases> others = new ArrayList<>();
        if (map.get("otherDatabases") instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> other = (Map<?, ?>) item;
                others.add(new OtherDatabases(
                        other.get("filePath") + "::" + other.get("id") + "::" + other.get("author"),
                        String.valueOf(other.get("dbms"))));
            }
        }
        List<String> ignored = new ArrayList<>();
        if (map.get("ignored") instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> one = (Map<?, ?>) item;
                ignored.add(one.get("filePath") + "::" + one.get("id") + "::" + one.get("author"));
            }
        }
        return new LiquibaseChangelog(
                project,
                changeSets,
                LiquibaseChangeSet.Precondition.fromBridge(map.get("changelogPreconditions"), project.history()),
                others,
                ignored,
                includeAllClasses);
    }

    /**
     * What the import says of the classes of the project's own an {@code includeAll} names: Liquibase 4.33 loads a
     * {@code resourceFilter} (which files) and a {@code resourceComparator} (in which order) by name from the class
     * path it runs with, the application's, which the import's is not. Without them the files included, or their
     * order, could differ from what Liquibase ran: each is refused by name, with the way out.
     */
    private static List<String> includeAllClasses(LiquibaseProject project, Map<?, ?> answer) {
        List<String> refusals = new ArrayList<>();
        if (answer.get("includeAllFilters") instanceof List<?> filters) {
            for (Object filter : filters) {
                refusals.add("An includeAll of the changelog " + project.changelog() + " (or of one it includes) has"
                        + " the resourceFilter (filter in XML) " + filter
                        + ", a class of the project's own that chooses"
                        + " which files"
                        + " Liquibase includes, loaded from the application's class path: the import cannot run it, so"
                        + " it cannot know which files Liquibase ran. Choose the files with endsWithFilter, minDepth or"
                        + " maxDepth instead, or name them with an include each, in their order (Liquibase records the"
                        + " same file paths, so every database still moves in), and import again. Nothing further of"
                        + " the changelog was read.");
            }
        }
        if (answer.get("includeAllComparators") instanceof List<?> comparators) {
            for (Object comparator : comparators) {
                refusals.add("An includeAll of the changelog " + project.changelog() + " (or of one it includes) has"
                        + " resourceComparator=\"" + comparator + "\", a class of the project's own that orders the"
                        + " files Liquibase includes, loaded from the application's class path: the import cannot run"
                        + " it, and the chain's order would be Liquibase's default (by path) rather than the one that"
                        + " ran. Name the files with an include each, in the order the comparator gives (Liquibase"
                        + " records the same file paths, so every database still moves in), or remove the"
                        + " resourceComparator where that order is by path already, and import again.");
            }
        }
        return refusals;
    }

    /** {@link #parse} and {@link #toChain}: the changelog as the import's old chain. */
    public static OldChain read(ToolLoader loader, LiquibaseProject project) {
        return parse(loader, project).toChain();
    }

    /** The same for the changelog {@code changelogPath} found under {@code searchRoots}. */
    public static OldChain read(
            ToolLoader loader,
            List<Path> searchRoots,
            String changelogPath,
            Map<String, String> parameters,
            @Nullable String contexts,
            @Nullable String labels) {
        return read(loader, new LiquibaseProject(searchRoots, changelogPath, parameters, contexts, labels));
    }

    /** The same with one search root. */
    public static OldChain read(
            ToolLoader loader,
            Path searchRoot,
            String changelogPath,
            Map<String, String> parameters,
            @Nullable String contexts,
            @Nullable String labels) {
        return read(loader, List.of(searchRoot), changelogPath, parameters, contexts, labels);
    }

    /**
     * The changesets as the import's migrations, with what cannot be kept refused by name: custom changes,
     * {@code runAlways}, preconditions that let Liquibase skip or mark a changeset, what Liquibase renders only
     * against a live database.
     */
    public OldChain toChain() {
        List<OldMigration> migrations = new ArrayList<>();
        List<String> refusals = new ArrayList<>(includeAllClasses);
        List<String> warnings = new ArrayList<>();
        // Liquibase 4.33 nests an included changelog's <preConditions> into the root changelog's and checks them
        // all before every update (ValidatingVisitor.validate): where one fails, PreconditionContainer.check only
        // warns for onFail (or onError) WARN, and throws for HALT, MARK_RAN and CONTINUE alike, which fails the
        // validation, so the update runs nothing at all. No changeset was skipped or marked ran by them: every
        // database's history is the same, and what stays to keep is the check itself, before each revision.
        List<SqlOp.Guard> changelogGuards = new ArrayList<>();
        List<String> changelogNotes = new ArrayList<>();
        for (LiquibaseChangeSet.Precondition p : preconditions) {
            if (p.holdsOnPostgres()) {
                continue; // dbms lets every PostgreSQL database past it
            }
            String outcome = p.onFail().equals("WARN") ? "warns and updates all the same" : "stops the update";
            if (p.failsOnPostgres()) {
                if (!p.onFail().equals("WARN")) {
                    refusals.add("The changelog " + project.changelog() + " has the precondition " + p.text()
                            + " with onFail=" + p.onFail() + ", which fails on every PostgreSQL database: Liquibase"
                            + " checks it before every update and stops there, so no PostgreSQL database ran this"
                            + " changelog. Add postgresql to its dbms precondition (or make it onFail=WARN), and"
                            + " import again.");
                }
            } else if (p.guards() != null && p.guards().unchecked().isEmpty()) {
                changelogGuards.add(new SqlOp.Guard(
                        p.guards().guard(),
                        p.onFail().equals("WARN") ? Precondition.OnFail.WARN : Precondition.OnFail.HALT,
                        p.onError().equals("WARN") ? Precondition.OnFail.WARN : Precondition.OnFail.HALT,
                        p.failMessage(),
                        p.errorMessage()));
                changelogNotes.add("The changelog's precondition " + p.text() + " (onFail=" + p.onFail() + ", onError="
                        + p.onError() + ") is its guard: Liquibase checks it before every update and " + outcome
                        + " where it fails" + (p.onFail().equals("WARN") ? "" : " (MARK_RAN and CONTINUE as HALT)")
                        + ".");
            } else {
                warnings.add("The changelog " + project.changelog() + " checks the precondition " + p.text()
                        + " before every update, and " + outcome + " where it fails; no guard can check "
                        + (p.guards() == null
                                ? p.text()
                                : String.join(", ", p.guards().unchecked()))
                        + ", so the import keeps no such check. Every database Liquibase updated was past it, so"
                        + " what ran is the same on each.");
            }
        }
        for (OtherDatabases other : otherDatabases) {
            warnings.add("The changeset " + named(other.key()) + " is for other databases only (dbms=\"" + other.dbms()
                    + "\"): Liquibase never runs it on PostgreSQL, so it is not part of the chain.");
        }
        for (String key : ignored) {
            warnings.add("The changeset " + named(key) + " is ignored (ignore=\"true\" on it or on the include that "
                    + "brings it): Liquibase neither runs nor records it, so it is not part of the chain.");
        }
        // a default schema Liquibase put first on the search path (public already leads it)
        @Nullable String defaultSchema = project.defaultSchema();
        @Nullable String searchSchema = defaultSchema == null || defaultSchema.equals("public") ? null : defaultSchema;
        for (LiquibaseChangeSet changeSet : changeSets) {
            LiquibaseChangeSet.Precondition decided = changeSet.preconditions().stream()
                    .filter(LiquibaseChangeSet.Precondition::failsOnPostgres)
                    .findFirst()
                    .orElse(null);
            if (decided != null) {
                String said = changeSet.named() + " has the precondition " + decided.text() + " with onFail="
                        + decided.onFail() + ", which fails on every PostgreSQL database";
                switch (decided.onFail()) {
                    case "MARK_RAN" -> {
                        warnings.add(said + ": Liquibase marks it ran there without running it, so it is not part "
                                + "of the chain; the MARK_RAN rows Liquibase recorded for it move in with each "
                                + "database.");
                        continue;
                    }
                    case "CONTINUE" -> {
                        warnings.add(said + ": Liquibase skips it there on every update and records nothing, so it "
                                + "is not part of the chain.");
                        continue;
                    }
                    case "HALT" ->
                        refusals.add(said + ": Liquibase stops every update of a PostgreSQL database "
                                + "there, so no database ran past it. Remove the changeset, or add postgresql to its dbms "
                                + "precondition (or make it onFail=MARK_RAN), and import again.");
                    default -> {
                        // WARN: Liquibase warns and runs it all the same, as the revision does
                    }
                }
            }
            refusals.addAll(refusals(changeSet));
            if (!changeSet.failOnError() && !changeSet.runInTransaction()) {
                warnings.add(changeSet.named() + " has failOnError=false and runInTransaction=false: where one of its "
                        + "statements failed, Liquibase kept what ran before it and went on. The revision runs its "
                        + "statements plainly and stops on an error; check that it ran on every database before "
                        + "relying on it.");
            }
            OldMigration migration = migration(changeSet, searchSchema, changelogGuards, changelogNotes, warnings);
            if (searchSchema != null
                    && migration.guards().stream().anyMatch(g -> readsSqlWithout(g.precondition(), searchSchema))) {
                warnings.add(changeSet.named() + " has a sqlCheck precondition, which Liquibase evaluated with "
                        + searchSchema
                        + " first on the search_path; its revision's guard is evaluated on the connection's own path"
                        + " before the revision runs. Where its query names a table without a schema, qualify it ("
                        + searchSchema + ".<table>) or put " + searchSchema + " first on the connection's search_path"
                        + " (?currentSchema=" + searchSchema + ",public in the URL).");
            }
            migrations.add(migration);
        }
        return new OldChain(
                OldTool.LIQUIBASE,
                migrations,
                project.history().name(),
                project.history().schema(),
                null,
                refusals,
                warnings);
    }

    /**
     * Whether a precondition runs SQL of the changelog's own ({@code sqlCheck}), alone or combined, that does not name
     * {@code schema}.
     */
    private static boolean readsSqlWithout(Precondition p, String schema) {
        if (p instanceof Precondition.And a) {
            return a.all().stream().anyMatch(each -> readsSqlWithout(each, schema));
        }
        if (p instanceof Precondition.Or o) {
            return o.any().stream().anyMatch(each -> readsSqlWithout(each, schema));
        }
        if (p instanceof Precondition.Not n) {
            return readsSqlWithout(n.precondition(), schema);
        }
        return p instanceof Precondition.SqlCheck q
                && !q.query().toLowerCase(Locale.ROOT).contains(schema.toLowerCase(Locale.ROOT) + ".");
    }

    /** A changeset named by its {@code filePath::id::author} key, as {@link LiquibaseChangeSet#named} names it. */
    private static String named(String key) {
        String[] parts = key.split("::", -1);
        return parts.length < 3
                ? key
                : parts[parts.length - 2] + " by " + parts[parts.length - 1] + " in "
                        + String.join("::", Arrays.asList(parts).subList(0, parts.length - 2));
    }

    private static List<String> refusals(LiquibaseChangeSet changeSet) {
        List<String> out = new ArrayList<>();
        for (String custom : changeSet.customChanges()) {
            out.add(changeSet.named() + " runs the custom change class " + custom + ", Java code whose effect the "
                    + "import cannot read. Rewrite it as SQL in a <sql> changeset" + keepingItsChecksum(changeSet)
                    + ", or take it out of the changelog (the rows of the databases that ran it are passed over) and "
                    + "write it again as a Java revision after the import.");
        }
        if (changeSet.runAlways()) {
            out.add(changeSet.named() + " is runAlways: Liquibase runs it on every update, which no revision of a "
                    + "chain does. Move it out of the changelog to a repeatable job or a step that runs after "
                    + "migrate (as Flyway's afterMigrate), then import again.");
        }
        for (LiquibaseChangeSet.Precondition p : changeSet.preconditions()) {
            LiquibaseGuards guards = p.guards();
            if (!p.halts()
                    && p.onPostgres().equals("runtime")
                    && (guards == null || !guards.unchecked().isEmpty())) {
                out.add(changeSet.named() + " has the precondition " + p.text() + " with onFail=" + p.onFail()
                        + " and onError=" + p.onError() + ", and no guard of the revision can check "
                        + (guards == null ? p.text() : String.join(", ", guards.unchecked())) + ": Liquibase may have"
                        + " skipped it or marked it ran without running it on some databases, so what ran differs per"
                        + " database. Run `liquibase update` on every database first so that all are past it, then"
                        + " remove that precondition (or make it onFail=HALT) and import again.");
            }
        }
        for (String problem : changeSet.problems()) {
            out.add(changeSet.named() + " cannot be imported: " + problem + " Replace it with a <sql> changeset that "
                    + "does the same to the database (for a change Liquibase renders, the SQL `liquibase update-sql` "
                    + "prints for it)" + keepingItsChecksum(changeSet) + "; or, where it changed nothing in the "
                    + "database, take it out of the changelog (the rows of the databases that ran it are passed "
                    + "over). Then import again.");
        }
        if (changeSet.checksum9() == null && changeSet.customChanges().isEmpty()) {
            out.add(changeSet.named() + " has no checksum Liquibase could compute here (" + changeSet.checksumError()
                    + "), so the import cannot match it to the history table. Fix what Liquibase reports, check "
                    + "with `liquibase validate`, and import again.");
        }
        return out;
    }

    /**
     * How a changeset rewritten to be imported keeps the databases that ran it as it was: Liquibase's
     * {@code validCheckSum} with the checksums it has now, which those databases recorded, else a pointer to them.
     */
    private static String keepingItsChecksum(LiquibaseChangeSet changeSet) {
        List<String> sums = new ArrayList<>();
        if (changeSet.checksum9() != null) {
            sums.add("<validCheckSum>" + changeSet.checksum9() + "</validCheckSum>");
        }
        if (changeSet.checksum8() != null) {
            sums.add("<validCheckSum>" + changeSet.checksum8() + "</validCheckSum>");
        }
        return sums.isEmpty()
                ? ", with a <validCheckSum> of the MD5SUM its rows in databasechangelog hold, so that the databases"
                        + " that ran it still move in"
                : ", with " + String.join(" and ", sums) + " in it (its checksums as the databases that ran it"
                        + " recorded them), so that they still move in";
    }

    /**
     * @param changelogGuards the guards of the changelog's own preconditions, which every revision evaluates first
     * @param changelogNotes what the revision's Javadoc says of them
     * @param warnings where what the import says of the changeset goes
     */
    /**
     * What the revision's Javadoc says of a changeset whose runtime precondition says CONTINUE: as Liquibase 4.33
     * passes over it, runs the changesets after it and tries it again on its next update, the revision stays pending
     * in its place and every upgrade tries it again.
     */
    private static String continues(LiquibaseChangeSet.Precondition p) {
        return "Where its precondition " + p.text()
                + (p.onFail().equals("CONTINUE")
                        ? " does not hold (onFail=CONTINUE)"
                        : " cannot be evaluated" + " (onError=CONTINUE)")
                + ", it stays pending in its place, as Liquibase passes over the changeset: the revisions after it"
                + " run, and every upgrade tries it again, as Liquibase's next update does.";
    }

    private static OldMigration migration(
            LiquibaseChangeSet changeSet,
            @Nullable String searchSchema,
            List<SqlOp.Guard> changelogGuards,
            List<String> changelogNotes,
            List<String> warnings) {
        Set<String> checksums = new LinkedHashSet<>();
        List<String> notes = new ArrayList<>(changelogNotes);
        List<SqlOp.Guard> guards = new ArrayList<>(changelogGuards);
        if (changeSet.checksum9() != null) {
            checksums.add(changeSet.checksum9());
        }
        if (changeSet.checksum8() != null) {
            checksums.add(changeSet.checksum8());
        }
        boolean any = false;
        for (String valid : changeSet.validCheckSums()) {
            if (valid.equalsIgnoreCase("ANY") || valid.equalsIgnoreCase("1:any")) {
                any = true;
            } else {
                checksums.add(valid);
            }
        }
        if (any) {
            // no checksum to hold it to: a database moves in whatever Liquibase recorded for it, as Liquibase accepts
            checksums.clear();
            notes.add("Liquibase accepted any checksum for it (validCheckSum ANY): a database moves in whatever "
                    + "checksum its history holds for it.");
        } else if (!changeSet.validCheckSums().isEmpty()) {
            notes.add("Liquibase accepted the checksums " + String.join(", ", changeSet.validCheckSums()) + " for it "
                    + "too (validCheckSum): a database that ran it before it was edited moves in.");
        }
        if (changeSet.comments() != null) {
            notes.add("Liquibase comment: " + changeSet.comments());
        }
        if (changeSet.contexts() != null) {
            notes.add("Liquibase ran it only in the contexts " + changeSet.contexts() + ".");
        }
        if (changeSet.labels() != null) {
            notes.add("Liquibase labelled it " + changeSet.labels() + ".");
        }
        if (changeSet.tag() != null) {
            notes.add("It tags the database " + changeSet.tag() + " (tagDatabase).");
        }
        for (LiquibaseChangeSet.Precondition p : changeSet.preconditions()) {
            if (p.holdsOnPostgres()) {
                notes.add("Its precondition " + p.text() + " holds on every PostgreSQL database.");
            } else if (p.failsOnPostgres()) {
                notes.add("Its precondition " + p.text() + " fails on PostgreSQL, and Liquibase runs it all the same "
                        + "(onFail=WARN).");
            } else if (p.halts()) {
                notes.add("Liquibase checked the precondition " + p.type() + " before it and stopped where it "
                        + "failed; every database that ran it passed it.");
            } else if (p.guards() != null && p.guards().unchecked().isEmpty()) {
                guards.add(new SqlOp.Guard(
                        p.guards().guard(),
                        Precondition.OnFail.valueOf(p.onFail()),
                        Precondition.OnFail.valueOf(p.onError()),
                        p.failMessage(),
                        p.errorMessage()));
                // IGNORE is Liquibase 4.33's default (PreconditionContainer): only what the changelog asks is said
                if (p.onSqlOutput() != null && !p.onSqlOutput().equals("IGNORE")) {
                    warnings.add(changeSet.named() + " has onSqlOutput=" + p.onSqlOutput() + " on its precondition,"
                            + " which only Liquibase's updateSQL reads (there it "
                            + (p.onSqlOutput().equals("FAIL") ? "fails" : "evaluates it against the database")
                            + "). The"
                            + " guard is evaluated on every database the revision runs on; migrate's offline SQL"
                            + " (-Dmigrate.sql) tests a HALT or WARN guard in the script and refuses a MARK_RAN or"
                            + " CONTINUE one, naming it.");
                }
                notes.add("Its precondition " + p.text() + " (onFail=" + p.onFail()
                        + (p.onError().equals("HALT") ? "" : ", onError=" + p.onError())
                        + ") is its guard, evaluated on the database it runs on.");
                if (p.onFail().equals("CONTINUE") || p.onError().equals("CONTINUE")) {
                    notes.add(continues(p));
                }
            }
        }
        switch (changeSet.rollbackKind()) {
            case "derived" -> notes.add("Its downgrade is the rollback Liquibase derives from its changes.");
            case "none" -> {
                String reason = changeSet.rollbackReason();
                if (reason != null) {
                    notes.add(OldMigration.noDowngrade(reason)); // else the revision says Liquibase has none
                }
            }
            default -> {
                // a written rollback needs no note: it is the project's own
            }
        }
        List<String> upgrade = changeSet.statements();
        if (!changeSet.failOnError() && changeSet.runInTransaction() && !upgrade.isEmpty()) {
            upgrade = List.of(tried(changeSet, upgrade));
            notes.add("Liquibase's failOnError=false: where one of its statements fails, the revision undoes all of "
                    + "it, warns and goes on, as Liquibase rolls the changeset back and records it FAILED.");
        }
        List<String> downgrade = changeSet.rollback();
        if (searchSchema != null) {
            upgrade = onSearchPath(upgrade, searchSchema, changeSet.runInTransaction());
            downgrade = downgrade == null ? null : onSearchPath(downgrade, searchSchema, changeSet.runInTransaction());
        }
        OldMigration.Kind kind = changeSet.runAlways()
                ? OldMigration.Kind.ALWAYS
                : changeSet.runOnChange() ? OldMigration.Kind.REPEATABLE : OldMigration.Kind.VERSIONED;
        return new OldMigration(
                OldTool.LIQUIBASE,
                changeSet.key(),
                changeSet.comments() != null ? changeSet.comments() : changeSet.id(),
                changeSet.filePath(),
                kind,
                List.copyOf(checksums),
                upgrade,
                downgrade,
                changeSet.runInTransaction(),
                changeSet.customChanges().isEmpty()
                        ? null
                        : changeSet.customChanges().get(0),
                notes,
                guards,
                changeSet.failOnError());
    }

    /**
     * A changeset's statements run as Liquibase ran them with a default schema: that schema first on the
     * {@code search_path} (Liquibase 4.33's {@code DatabaseUtils.initializeDatabase} puts it before the session's own),
     * so that a name the SQL leaves unqualified ({@code <sql>}, {@code sqlFile}, a view's query) is found and created
     * there. The session's own path comes back after them: in the transaction's end for a transactional changeset, by
     * the last statement for one that runs outside a transaction.
     */
    static List<String> onSearchPath(List<String> statements, String schema, boolean transactional) {
        if (statements.isEmpty()) {
            return statements;
        }
        String local = transactional ? "true" : "false";
        List<String> around = new ArrayList<>(statements.size() + 2);
        around.add("SELECT set_config('search_path', concat_ws(', ', " + Literals.string(Identifiers.quote(schema))
                + ", nullif(set_config('migrate.search_path', current_setting('search_path'), " + local + "), '')), "
                + local + ")");
        around.addAll(statements);
        around.add("SELECT set_config('search_path', current_setting('migrate.search_path'), " + local + ")");
        return List.copyOf(around);
    }

    /**
     * The statements of a changeset with {@code failOnError=false} as one block that undoes them all and warns when
     * one fails, as Liquibase rolls back the changeset's transaction, records it {@code FAILED} and goes on.
     */
    static String tried(LiquibaseChangeSet changeSet, List<String> statements) {
        StringBuilder body = new StringBuilder("BEGIN\n");
        for (String statement : statements) {
            body.append("    EXECUTE ").append(Literals.string(statement)).append(";\n");
        }
        String warning = ("changeset " + changeSet.id() + " by " + changeSet.author() + " in " + changeSet.filePath())
                        .replace("%", "%%")
                + " failed and was undone (failOnError=false): %";
        body.append("EXCEPTION WHEN OTHERS THEN\n    RAISE WARNING ")
                .append(Literals.string(warning))
                .append(", SQLERRM;\nEND\n");
        String tag = "$migrate_try$";
        while (body.indexOf(tag) >= 0) {
            tag = "$migrate_try" + tag.length() + "$";
        }
        return "DO " + tag + "\n" + body + tag;
    }
}

package dev.migrate.catalog.read;

import dev.migrate.tooling.ChainTables;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names the catalog reader leaves out: the version tables and the user's {@code exclude} patterns.
 * What is left out is never compared, so it is never created, changed or dropped.
 *
 * <p>A pattern is a glob: {@code *} matches any run of characters, {@code ?} exactly one. A pattern
 * with a dot is matched against {@code schema.name}, one without against the bare name, so
 * {@code tmp_*} excludes {@code tmp_load} in every schema and {@code audit.*} a whole schema.
 * Matching is case-sensitive, like PostgreSQL names.
 */
public final class Exclusions {
    /**
     * The default names of the version and history tables (SPEC section 6), and of the table beside the
     * version table that keeps the phases of online migrations.
     */
    public static final List<String> DEFAULT_VERSION_TABLES = ownTables("migrate_version", "migrate_history");

    /**
     * The history tables of the tools a project moves in from (Flyway's, Liquibase's and its lock): the first
     * upgrade reads them, they stay until {@code import} retires them, and they are never the project's schema, so
     * no comparison proposes to drop them.
     */
    public static final List<String> OLD_TOOL_TABLES =
            List.of("flyway_schema_history", "databasechangelog", "databasechangeloglock");

    private final List<String> patterns;
    private final List<Pattern> compiled;

    private Exclusions(List<String> patterns) {
        this.patterns = List.copyOf(patterns);
        this.compiled = this.patterns.stream().map(Exclusions::globToRegex).toList();
    }

    /** Excludes exactly the given patterns. */
    public static Exclusions of(Collection<String> patterns) {
        return new Exclusions(new ArrayList<>(patterns));
    }

    /** Excludes nothing. */
    public static Exclusions none() {
        return new Exclusions(List.of());
    }

    /**
     * Excludes the default version tables, {@code migrate_version} and {@code migrate_history}, and the old tools'
     * history tables ({@link #OLD_TOOL_TABLES}).
     */
    public static Exclusions versionTables() {
        List<String> patterns = new ArrayList<>(DEFAULT_VERSION_TABLES);
        patterns.addAll(OLD_TOOL_TABLES);
        return new Exclusions(patterns);
    }

    /**
     * The default version tables and these: {@code version}, {@code history} and the table of online phases
     * beside {@code version} ({@code <version>_online}).
     */
    public static Exclusions versionTables(String version, String history) {
        return versionTables().and(ownTables(version, history));
    }

    /**
     * What migrate makes for its own bookkeeping beside version table {@code version} and history table
     * {@code history}: both tables, the sequence of the history's identity column ({@code <history>_id_seq})
     * and the table of online phases. None is the project's, so none is compared, nor what hangs on them
     * (the grants that default privileges give them, comments, policies).
     */
    public static List<String> ownTables(String version, String history) {
        return List.of(version, history, history + "_id_seq", ChainTables.onlineStateTableOf(version));
    }

    /** These exclusions and the given patterns too. */
    public Exclusions and(Collection<String> morePatterns) {
        List<String> all = new ArrayList<>(patterns);
        all.addAll(morePatterns);
        return new Exclusions(all);
    }

    /** These exclusions and the given patterns too. */
    public Exclusions and(String... morePatterns) {
        return and(List.of(morePatterns));
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Whether the object {@code schema.name} (a table, sequence or type) is left out. */
    public boolean excludes(String schema, String name) {
        for (int i = 0; i < compiled.size(); i++) {
            String subject = patterns.get(i).indexOf('.') >= 0 ? schema + "." + name : name;
            if (compiled.get(i).matcher(subject).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char ch = glob.charAt(i);
            if (ch == '*' || ch == '?') {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(ch == '*' ? ".*" : ".");
            } else {
                literal.append(ch);
            }
        }
        regex.append(Pattern.quote(literal.toString()));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return "Exclusions" + patterns;
    }
}

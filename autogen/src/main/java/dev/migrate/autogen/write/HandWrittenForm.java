package dev.migrate.autogen.write;

import dev.migrate.op.Column;
import dev.migrate.op.Constraint;
import dev.migrate.op.Op;
import dev.migrate.op.TableElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rewrites the ops autogenerate found into the form a person would type, without changing what
 * PostgreSQL stores: the catalog spells types and defaults the long way ({@code character varying(20)},
 * {@code 'ACTIVE'::character varying}) and names every constraint, and writing that back verbatim reads
 * like a dump rather than a migration.
 *
 * <ul>
 *   <li>Types get the short names people write: {@code varchar(20)}, {@code timestamptz},
 *       {@code timestamp(3)}, {@code timetz}, {@code char(1)}, {@code varbit}; arrays keep their {@code []}.
 *   <li>A column default that is a quoted literal cast to the column's type without its modifier loses
 *       the cast: PostgreSQL adds exactly that cast back when it stores the default. Negative integer
 *       defaults ({@code '-1'::integer}) become plain numbers. Casts that change meaning stay.
 *   <li>In a new table, a one-column primary key named {@code <table>_pkey} and a plain one-column unique
 *       constraint named {@code <table>_<column>_key} move onto their column, and a check named
 *       {@code <table>_<column>_check} that reads that one column loses its name: PostgreSQL gives all
 *       three exactly those names again. Names that PostgreSQL would have to shorten (63 bytes) or
 *       that cannot be shown to match stay as they are.
 * </ul>
 *
 * Every rewrite keeps the catalog identical, so comparing again after the migration runs finds nothing.
 */
final class HandWrittenForm {
    /** PostgreSQL's NAMEDATALEN minus the terminating byte: longer generated names are truncated. */
    private static final int MAX_NAME_BYTES = 63;

    private static final Pattern ARRAY_SUFFIX = Pattern.compile("((?:\\[\\])*)$");
    private static final Pattern TYPMOD = Pattern.compile("\\(\\d+(?:,\\d+)?\\)");
    private static final Pattern CAST_LITERAL = Pattern.compile("'((?:[^']|'')*)'::(.+)");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Set<String> INTEGER_TYPES = Set.of("smallint", "integer", "bigint");

    private static final List<ShortName> SHORT_NAMES = List.of(
            new ShortName("character varying(\\(\\d+\\))?", "varchar"),
            new ShortName("character(\\(\\d+\\))", "char"),
            new ShortName("bit varying(\\(\\d+\\))?", "varbit"),
            new ShortName("timestamp(\\(\\d+\\))? without time zone", "timestamp"),
            new ShortName("timestamp(\\(\\d+\\))? with time zone", "timestamptz"),
            new ShortName("time(\\(\\d+\\))? without time zone", "time"),
            new ShortName("time(\\(\\d+\\))? with time zone", "timetz"));

    /** A long catalog spelling whose optional modifier (group 1) follows the short name. */
    private record ShortName(Pattern longForm, String shortForm) {
        ShortName(String longForm, String shortForm) {
            this(Pattern.compile(longForm), shortForm);
        }
    }

    private HandWrittenForm() {}

    /** The op as a person would write it, or the op itself when nothing reads better. */
    static Op of(Op op) {
        if (op instanceof Op.CreateTable table) {
            return createTable(table);
        }
        if (op instanceof Op.AddColumn add) {
            return new Op.AddColumn(add.table(), column(add.column()));
        }
        if (op instanceof Op.AlterColumnType alter) {
            return new Op.AlterColumnType(
                    alter.table(),
                    alter.column(),
                    type(alter.type()),
                    alter.using(),
                    alter.previousType(),
                    alter.collation(),
                    alter.previousCollation(),
                    alter.reverseUsing());
        }
        return op;
    }

    /** The short name PostgreSQL reads as the same type ({@code varchar(20)} for {@code character varying(20)}). */
    static String type(String type) {
        Matcher array = ARRAY_SUFFIX.matcher(type);
        String suffix = array.find() ? array.group(1) : "";
        String element = type.substring(0, type.length() - suffix.length());
        for (ShortName name : SHORT_NAMES) {
            Matcher m = name.longForm().matcher(element);
            if (m.matches()) {
                return name.shortForm() + (m.group(1) == null ? "" : m.group(1)) + suffix;
            }
        }
        return type;
    }

    /**
     * The default without a cast PostgreSQL would add back: a literal is coerced to the column's type,
     * and stored as that literal cast to the type without its modifier. Any other cast stays.
     */
    static String defaultValue(String expression, String columnType) {
        Matcher m = CAST_LITERAL.matcher(expression);
        if (!m.matches() || !m.group(2).equals(TYPMOD.matcher(columnType).replaceAll(""))) {
            return expression;
        }
        String literal = m.group(1);
        if (INTEGER_TYPES.contains(m.group(2)) && INTEGER.matcher(literal).matches()) {
            return literal;
        }
        return "'" + literal + "'";
    }

    private static Column column(Column c) {
        Column shorter = new Column(
                c.name(),
                type(c.type()),
                c.nullable(),
                c.defaultExpression(),
                c.identityGeneration(),
                c.generatedExpression(),
                c.collation(),
                c.comment(),
                c.isPrimaryKey(),
                c.isGeneratedVirtual(),
                c.isUnique());
        return c.defaultExpression() == null
                ? shorter
                : shorter.defaultValue(defaultValue(c.defaultExpression(), c.type()));
    }

    private static Op.CreateTable createTable(Op.CreateTable op) {
        String table = op.table().name();
        Set<String> columnNames = op.columns().stream().map(Column::name).collect(Collectors.toSet());
        String inlineKey = op.constraints().stream()
                .filter(c -> c instanceof Constraint.PrimaryKey pk
                        && pk.columns().size() == 1
                        && columnNames.contains(pk.columns().get(0))
                        && isGeneratedName(pk.name(), table, null, "pkey"))
                .map(c -> ((Constraint.PrimaryKey) c).columns().get(0))
                .findFirst()
                .orElse(null);
        Set<String> plainColumns = op.columns().stream()
                .filter(c -> !c.isUnique())
                .map(Column::name)
                .collect(Collectors.toSet());
        Set<Constraint.Unique> inlineUniques = op.constraints().stream()
                .filter(c -> c instanceof Constraint.Unique u
                        && u.columns().size() == 1
                        && !u.deferrable()
                        && !u.isNullsNotDistinct()
                        && plainColumns.contains(u.columns().get(0))
                        && isGeneratedName(u.name(), table, u.columns().get(0), "key"))
                .map(Constraint.Unique.class::cast)
                .collect(Collectors.toSet());
        Set<String> uniqueColumns =
                inlineUniques.stream().map(u -> u.columns().get(0)).collect(Collectors.toSet());
        List<TableElement> elements = new ArrayList<>();
        for (TableElement element : op.elements()) {
            if (element instanceof Column c) {
                Column written = column(c);
                written = c.name().equals(inlineKey) ? written.primaryKey() : written;
                elements.add(uniqueColumns.contains(c.name()) ? written.unique() : written);
            } else if (element instanceof Constraint.PrimaryKey && inlineKey != null
                    || element instanceof Constraint.Unique u && inlineUniques.contains(u)) {
                continue; // now on its column
            } else if (element instanceof Constraint.Check check
                    && check.name() != null
                    && isGeneratedCheckName(check, table, columnNames)) {
                elements.add(new Constraint.Check(null, check.expression(), check.isNotValid()));
            } else {
                elements.add(element);
            }
        }
        return new Op.CreateTable(op.table(), elements, op.comment());
    }

    /** PostgreSQL names a check after the one column its expression reads, if it reads exactly one. */
    private static boolean isGeneratedCheckName(Constraint.Check check, String table, Set<String> columns) {
        Set<String> read = columnsRead(check.expression(), columns);
        return read.size() == 1
                && isGeneratedName(check.name(), table, read.iterator().next(), "check");
    }

    /**
     * {@code <table>[_<column>]_<label>}, the name PostgreSQL's makeObjectName gives, when that fits in
     * 63 bytes untruncated; a name PostgreSQL would shorten is kept rather than predicted.
     */
    static boolean isGeneratedName(String name, String table, String column, String label) {
        String generated = table + (column == null ? "" : "_" + column) + "_" + label;
        return generated.equals(name) && generated.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES;
    }

    /**
     * The table's columns the expression names, read from pg_get_constraintdef's text: identifiers
     * outside string literals, not followed by {@code (} (a function) nor after {@code ::} (a type).
     * A word that only looks like a column counts too, which can only make the set larger, and a set
     * larger than one keeps the name: when in doubt, nothing is left out.
     */
    static Set<String> columnsRead(String expression, Set<String> columns) {
        Set<String> read = new LinkedHashSet<>();
        int i = 0;
        int n = expression.length();
        boolean afterCast = false;
        while (i < n) {
            char ch = expression.charAt(i);
            if (ch == '\'') {
                i = skipQuoted(expression, i, '\'');
                afterCast = false;
            } else if (ch == '"') {
                int end = skipQuoted(expression, i, '"');
                String word = expression.substring(i + 1, end - 1).replace("\"\"", "\"");
                addIfColumn(read, word, columns, afterCast, expression, end);
                afterCast = false;
                i = end;
            } else if (Character.isLetter(ch) || ch == '_') {
                int end = i;
                while (end < n
                        && (Character.isLetterOrDigit(expression.charAt(end))
                                || expression.charAt(end) == '_'
                                || expression.charAt(end) == '$')) {
                    end++;
                }
                addIfColumn(read, expression.substring(i, end), columns, afterCast, expression, end);
                afterCast = false;
                i = end;
            } else if (ch == ':' && i + 1 < n && expression.charAt(i + 1) == ':') {
                afterCast = true;
                i += 2;
            } else {
                if (!Character.isWhitespace(ch)) {
                    afterCast = false;
                }
                i++;
            }
        }
        return read;
    }

    private static void addIfColumn(
            Set<String> read, String word, Set<String> columns, boolean afterCast, String text, int end) {
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        boolean isFunction = next < text.length() && text.charAt(next) == '(';
        if (!afterCast && !isFunction && columns.contains(word)) {
            read.add(word);
        }
    }

    /** The index after the closing quote; a doubled quote is part of the text. */
    private static int skipQuoted(String text, int open, char quote) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}

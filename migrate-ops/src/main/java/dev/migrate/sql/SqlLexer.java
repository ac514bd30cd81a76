package dev.migrate.sql;

import dev.migrate.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Splits PostgreSQL SQL text into tokens the way the server's scanner does ({@code scan.l}, and
 * "Lexical Structure" in the SQL Syntax chapter of its documentation), so that whatever reads names
 * out of SQL, or rewrites them, never mistakes the inside of a literal or a comment for code:
 * <ul>
 *   <li>{@code 'it''s'}: a doubled quote is part of the string; a backslash is not special
 *       ({@code standard_conforming_strings}, on by default since PostgreSQL 9.1);</li>
 *   <li>{@code E'it\'s'}: a backslash escapes the next character, a quote too;</li>
 *   <li>{@code U&'...'}, {@code N'...'}: as a plain string; {@code U&"d\0061t\+000061"}: a quoted
 *       identifier with Unicode escapes, and an optional {@code UESCAPE '!'} that names another escape
 *       character;</li>
 *   <li>{@code "a ""b"""}: a quoted identifier, whose doubled quote is part of the name;</li>
 *   <li>{@code $$...$$}, {@code $tag$...$tag$}: dollar quoting, nothing inside is special up to the
 *       same delimiter (tags are case-sensitive); {@code $1} is a parameter, and a {@code $} inside a
 *       word is part of the word ({@code a$b});</li>
 *   <li>{@code B'1001'}, {@code X'1FF'}: bit strings, which end at the first quote;</li>
 *   <li>{@code -- ...} to the end of the line, and {@code /* ... *}{@code /} comments, which nest.</li>
 * </ul>
 * Whitespace and comments separate tokens and are not returned. A string, identifier or comment
 * left open runs to the end of the text: the server would refuse such text anyway. Adjacent strings
 * that the server joins (separated by a line break) are returned one by one.
 */
public final class SqlLexer {
    /** Characters that make up multi-character operators (scan.l's {@code op_chars}). */
    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
    /** An operator ending in + or - must contain one of these, or the + or - is a token of its own. */
    private static final String NON_SQL_OPERATOR_CHARS = "~!@#^&|`?%";

    private final String sql;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int i;
    /** Whether the last quoted text scanned found its closing quote. */
    private boolean closed;

    private SqlLexer(String sql) {
        this.sql = sql;
    }

    /** The tokens of {@code sql}, in order, without whitespace and comments. */
    public static List<SqlToken> tokens(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run(Integer.MAX_VALUE);
        return List.copyOf(lexer.tokens);
    }

    /**
     * The first token of {@code sql}, past whitespace and comments, read without the rest of the text (a seed of
     * megabytes is not lexed to learn that it starts with {@code INSERT}); empty when there is none.
     */
    public static Optional<SqlToken> firstToken(String sql) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run(1);
        return lexer.tokens.stream().findFirst();
    }

    /** Reads tokens until the text ends or {@code limit} of them are read. */
    private void run(int limit) {
        int n = sql.length();
        while (i < n && tokens.size() < limit) {
            int start = i;
            char ch = sql.charAt(i);
            if (isWhitespace(ch)) {
                i++;
            } else if (startsWith("--")) {
                i = lineEnd(i);
            } else if (startsWith("/*")) {
                i = commentEnd(i);
            } else if (ch == '\'') {
                i = quoted(i, '\'', false);
                add(Kind.STRING, start, null);
            } else if (ch == '"') {
                i = quoted(i, '"', false);
                add(Kind.QUOTED_IDENTIFIER, start, quotedName(body(start, i)));
            } else if ((ch == 'e' || ch == 'E') && next(1) == '\'') {
                i = quoted(i + 1, '\'', true);
                add(Kind.STRING, start, null);
            } else if ((ch == 'n' || ch == 'N') && next(1) == '\'') {
                i = quoted(i + 1, '\'', false);
                add(Kind.STRING, start, null);
            } else if ((ch == 'b' || ch == 'B' || ch == 'x' || ch == 'X') && next(1) == '\'') {
                i = bitString(i + 1);
                add(Kind.BIT_STRING, start, null);
            } else if ((ch == 'u' || ch == 'U') && next(1) == '&' && (next(2) == '\'' || next(2) == '"')) {
                unicode(start);
            } else if (isIdentifierStart(ch)) {
                i = wordEnd(i + 1);
                String word = sql.substring(start, i);
                tokens.add(new SqlToken(Kind.WORD, start, i, word, Names.truncated(foldedToLowerCase(word))));
            } else if (ch == '$') {
                dollar(start);
            } else if (isDigit(ch) || (ch == '.' && isDigit(next(1)))) {
                i = numberEnd(i);
                add(Kind.NUMBER, start, null);
            } else if (startsWith("::") || startsWith(":=") || startsWith("..")) {
                i += 2;
                add(Kind.PUNCTUATION, start, null);
            } else if (OPERATOR_CHARS.indexOf(ch) >= 0) {
                i = operatorEnd(i);
                add(Kind.OPERATOR, start, null);
            } else {
                i++;
                add(Kind.PUNCTUATION, start, null);
            }
        }
    }

    private void add(Kind kind, int start, @Nullable String name) {
        tokens.add(new SqlToken(kind, start, i, sql.substring(start, i), name));
    }

    // ---- strings and quoted identifiers ----------------------------------------------------------------

    /**
     * The index after the quote that closes the one at {@code open}; a doubled quote is part of the
     * text, and with {@code backslashEscapes} so is any character after a backslash.
     */
    private int quoted(int open, char quote, boolean backslashEscapes) {
        int j = open + 1;
        int n = sql.length();
        closed = false;
        while (j < n) {
            char c = sql.charAt(j);
            if (backslashEscapes && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (j + 1 < n && sql.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    closed = true;
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    /** A bit string ends at its first quote: {@code B'10''01'} is {@code B'10'} and then {@code '01'}. */
    private int bitString(int open) {
        int close = sql.indexOf('\'', open + 1);
        return close < 0 ? sql.length() : close + 1;
    }

    /** The text between the quote at {@code open} and the one that closes it, or the end of the text. */
    private String body(int open, int end) {
        return sql.substring(open + 1, closed ? end - 1 : end);
    }

    /** {@code U&'...'} or {@code U&"..."}, each with an optional {@code UESCAPE 'c'} after it. */
    private void unicode(int start) {
        char quote = sql.charAt(start + 2);
        int end = quoted(start + 2, quote, false);
        String body = body(start + 2, end);
        i = end;
        char escape = '\\';
        int afterEscape = uescape(end);
        if (afterEscape > 0) {
            escape = sql.charAt(afterEscape - 2);
            i = afterEscape;
        }
        if (quote == '"') {
            add(Kind.QUOTED_IDENTIFIER, start, quotedName(unescaped(body.replace("\"\"", "\""), escape)));
        } else {
            add(Kind.STRING, start, null);
        }
    }

    /**
     * The index after {@code UESCAPE 'c'} when it follows {@code from} (whitespace and comments
     * between), or -1.
     */
    private int uescape(int from) {
        int j = skipSpace(from);
        if (!sql.regionMatches(true, j, "uescape", 0, 7) || (j + 7 < sql.length() && isWordChar(sql.charAt(j + 7)))) {
            return -1;
        }
        j = skipSpace(j + 7);
        if (j + 2 < sql.length() && sql.charAt(j) == '\'' && sql.charAt(j + 2) == '\'') {
            return j + 3;
        }
        return -1;
    }

    /**
     * {@code \XXXX} and {@code \+XXXXXX} as the characters they name, a doubled escape character as
     * itself; an escape PostgreSQL would refuse is left as written.
     */
    private static String unescaped(String body, char escape) {
        StringBuilder out = new StringBuilder(body.length());
        int j = 0;
        while (j < body.length()) {
            char c = body.charAt(j);
            if (c != escape) {
                out.append(c);
                j++;
            } else if (j + 1 < body.length() && body.charAt(j + 1) == escape) {
                out.append(escape);
                j += 2;
            } else if (j + 1 < body.length() && body.charAt(j + 1) == '+' && isHex(body, j + 2, 6)) {
                out.appendCodePoint(Integer.parseInt(body.substring(j + 2, j + 8), 16));
                j += 8;
            } else if (isHex(body, j + 1, 4)) {
                // a surrogate pair written as two escapes joins in UTF-16 by itself
                out.append((char) Integer.parseInt(body.substring(j + 1, j + 5), 16));
                j += 5;
            } else {
                out.append(c);
                j++;
            }
        }
        return out.toString();
    }

    private static boolean isHex(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A quoted identifier's name: its doubled quotes as one, cut to what PostgreSQL keeps. */
    private static String quotedName(String body) {
        return Names.truncated(body.replace("\"\"", "\""));
    }

    // ---- dollar quotes and parameters --------------------------------------------------------------------

    /** {@code $1}, {@code $$...$$}, {@code $tag$...$tag$}, or a lone {@code $}. */
    private void dollar(int start) {
        if (isDigit(next(1))) {
            int j = start + 1;
            while (j < sql.length() && isDigit(sql.charAt(j))) {
                j++;
            }
            i = j;
            add(Kind.PARAMETER, start, null);
            return;
        }
        int j = start + 1;
        if (j < sql.length() && isIdentifierStart(sql.charAt(j))) {
            j++;
            while (j < sql.length() && isTagChar(sql.charAt(j))) {
                j++;
            }
        }
        if (j < sql.length() && sql.charAt(j) == '$') {
            String delimiter = sql.substring(start, j + 1);
            int close = sql.indexOf(delimiter, j + 1);
            i = close < 0 ? sql.length() : close + delimiter.length();
            add(Kind.STRING, start, null);
        } else {
            // not a delimiter ($abc without its closing $): the $ alone, then the word
            i = start + 1;
            add(Kind.PUNCTUATION, start, null);
        }
    }

    // ---- words, numbers, operators -----------------------------------------------------------------------

    private int wordEnd(int from) {
        int j = from;
        while (j < sql.length() && isWordChar(sql.charAt(j))) {
            j++;
        }
        return j;
    }

    /**
     * Decimal digits with an optional fraction and exponent, or {@code 0x}, {@code 0o}, {@code 0b}
     * integers; digits may be grouped with underscores (PostgreSQL 16). {@code 1..10} is a number and
     * {@code ..}.
     */
    private int numberEnd(int from) {
        char radix = from + 1 < sql.length() ? Character.toLowerCase(sql.charAt(from + 1)) : 0;
        if (sql.charAt(from) == '0' && (radix == 'x' || radix == 'o' || radix == 'b')) {
            int base = radix == 'x' ? 16 : radix == 'o' ? 8 : 2;
            int k = digits(from + 2, base);
            if (k > from + 2) {
                return k;
            }
        }
        int j = digits(from, 10);
        if (j < sql.length() && sql.charAt(j) == '.' && !(j + 1 < sql.length() && sql.charAt(j + 1) == '.')) {
            j = digits(j + 1, 10);
        }
        if (j < sql.length() && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < sql.length() && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                k++;
            }
            if (k < sql.length() && isDigit(sql.charAt(k))) {
                j = digits(k, 10);
            }
        }
        return j;
    }

    /** The index after digits of {@code base}, single underscores between them allowed. */
    private int digits(int from, int base) {
        int j = from;
        while (j < sql.length()) {
            char c = sql.charAt(j);
            boolean digitFollows = j + 1 < sql.length() && isDigit(sql.charAt(j + 1), base);
            if (isDigit(c, base)) {
                j++;
            } else if (c == '_' && digitFollows && (j > from || base != 10)) {
                j++; // 1_000, and 0x_FF after a prefix
            } else {
                break;
            }
        }
        return j;
    }

    /**
     * A run of operator characters, cut where a comment starts, and without a trailing {@code +} or
     * {@code -} unless the operator holds a character SQL's own operators do not ({@code =-} is two
     * operators, {@code @-} one).
     */
    private int operatorEnd(int from) {
        int j = from;
        while (j < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(j)) >= 0) {
            if (j > from && (sql.startsWith("--", j) || sql.startsWith("/*", j))) {
                break;
            }
            j++;
        }
        while (j - from > 1 && (sql.charAt(j - 1) == '+' || sql.charAt(j - 1) == '-')) {
            boolean nonSql = false;
            for (int k = from; k < j - 1; k++) {
                nonSql |= NON_SQL_OPERATOR_CHARS.indexOf(sql.charAt(k)) >= 0;
            }
            if (nonSql) {
                break;
            }
            j--;
        }
        return j;
    }

    // ---- whitespace and comments --------------------------------------------------------------------------

    private int skipSpace(int from) {
        int j = from;
        while (j < sql.length()) {
            if (isWhitespace(sql.charAt(j))) {
                j++;
            } else if (sql.startsWith("--", j)) {
                j = lineEnd(j);
            } else if (sql.startsWith("/*", j)) {
                j = commentEnd(j);
            } else {
                break;
            }
        }
        return j;
    }

    private int lineEnd(int from) {
        int j = from;
        while (j < sql.length() && sql.charAt(j) != '\n' && sql.charAt(j) != '\r') {
            j++;
        }
        return j;
    }

    /** The index after the {@code *}{@code /} that closes the comment at {@code from}, inner comments closed first. */
    private int commentEnd(int from) {
        int depth = 0;
        int j = from;
        while (j < sql.length()) {
            if (sql.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else if (sql.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0) {
                    return j;
                }
            } else {
                j++;
            }
        }
        return sql.length();
    }

    // ---- characters ---------------------------------------------------------------------------------------

    private boolean startsWith(String prefix) {
        return sql.startsWith(prefix, i);
    }

    private char next(int offset) {
        return i + offset < sql.length() ? sql.charAt(i + offset) : 0;
    }

    /** Space, tab, line feed, carriage return, form feed and vertical tab; no other character. */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isDigit(char c, int base) {
        return c < 0x80 && Character.digit(c, base) >= 0;
    }

    /** A letter, an underscore, or any character beyond ASCII, as PostgreSQL takes every such byte. */
    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isTagChar(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isWordChar(char c) {
        return isTagChar(c) || c == '$';
    }

    /**
     * Only ASCII letters fold: PostgreSQL leaves every other character of a UTF-8 name as written. A word without
     * a capital is itself (most of the SQL a provider or a migration writes).
     */
    private static String foldedToLowerCase(String word) {
        int first = 0;
        while (first < word.length() && !isCapital(word.charAt(first))) {
            first++;
        }
        if (first == word.length()) {
            return word;
        }
        char[] out = word.toCharArray();
        for (int k = first; k < out.length; k++) {
            if (isCapital(out[k])) {
                out[k] = (char) (out[k] + ('a' - 'A'));
            }
        }
        return new String(out);
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}

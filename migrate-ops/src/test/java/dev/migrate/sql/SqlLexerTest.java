package dev.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.sql.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every quoting PostgreSQL has. The cases marked "docs" are the examples of "Lexical Structure"
 * (section 4.1 of the SQL Syntax chapter, https://www.postgresql.org/docs/current/sql-syntax-lexical.html);
 * the others follow the server's scanner, {@code src/backend/parser/scan.l}.
 */
class SqlLexerTest {

    private static List<String> texts(String sql) {
        return SqlLexer.tokens(sql).stream().map(SqlToken::text).toList();
    }

    private static List<Kind> kinds(String sql) {
        return SqlLexer.tokens(sql).stream().map(SqlToken::kind).toList();
    }

    private static SqlToken only(String sql) {
        List<SqlToken> tokens = SqlLexer.tokens(sql);
        assertThat(tokens).hasSize(1);
        return tokens.get(0);
    }

    @Test
    void theFirstTokenIsReadPastCommentsAndWhitespaceAloneWithoutTheRest() {
        assertThat(SqlLexer.firstToken("/* a /* nested */ comment */ -- a line\n\t CREATE TABLE t (id int)"))
                .hasValueSatisfying(first -> {
                    assertThat(first.kind()).isEqualTo(Kind.WORD);
                    assertThat(first.name()).isEqualTo("create");
                });
        assertThat(SqlLexer.firstToken("  -- nothing but a comment")).isEmpty();
        assertThat(SqlLexer.firstToken("")).isEmpty();
        assertThat(SqlLexer.firstToken("'text' || 'more'").map(SqlToken::kind)).contains(Kind.STRING);
        // a statement left open after its first word: the rest is never read, so it cannot matter
        assertThat(SqlLexer.firstToken("INSERT INTO t VALUES ('never closed").map(SqlToken::name))
                .contains("insert");
        for (String sql :
                List.of("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", "\"Quoted\" . name", "$$ body $$")) {
            assertThat(SqlLexer.firstToken(sql)).contains(SqlLexer.tokens(sql).get(0));
        }
    }

    // ---- 4.1.1 identifiers and key words ---------------------------------------------------------------

    @Test
    void commandsAreWordsAndSpecialCharacters() {
        // docs: SELECT * FROM MY_TABLE; UPDATE MY_TABLE SET A = 5; INSERT INTO MY_TABLE VALUES (3, 'hi there');
        assertThat(
                        texts(
                                "SELECT * FROM MY_TABLE;\nUPDATE MY_TABLE SET A = 5;\nINSERT INTO MY_TABLE VALUES (3, 'hi there');"))
                .containsExactly(
                        "SELECT",
                        "*",
                        "FROM",
                        "MY_TABLE",
                        ";",
                        "UPDATE",
                        "MY_TABLE",
                        "SET",
                        "A",
                        "=",
                        "5",
                        ";",
                        "INSERT",
                        "INTO",
                        "MY_TABLE",
                        "VALUES",
                        "(",
                        "3",
                        ",",
                        "'hi there'",
                        ")",
                        ";");
    }

    @Test
    void unquotedNamesFoldToLowerCaseAndQuotedOnesKeepTheirCase() {
        // docs: UPDATE MY_TABLE SET A = 5; can equivalently be written as uPDaTE my_TabLE SeT a = 5;
        assertThat(SqlLexer.tokens("uPDaTE my_TabLE SeT a = 5").get(1).name()).isEqualTo("my_table");
        // docs: "FOO" and "foo" are different from FOO, which is foo
        assertThat(only("\"FOO\"").name()).isEqualTo("FOO");
        assertThat(only("FOO").name()).isEqualTo("foo");
        assertThat(only("FOO").isWord("foo")).isTrue();
        assertThat(only("\"foo\"").isWord("foo")).isFalse();
        // a capital anywhere folds, the first or the last; a word without one is its own name
        assertThat(SqlLexer.tokens("Orders ordeRS orders").stream().map(SqlToken::name))
                .containsExactly("orders", "orders", "orders");
        assertThat(only("orders_2024").text()).isEqualTo("orders_2024");
    }

    @Test
    void onlyAsciiLettersFold() {
        // the server folds A-Z only in a UTF-8 database; every byte beyond ASCII is an identifier byte
        assertThat(only("ÉTÉ_Été").name()).isEqualTo("ÉtÉ_Été");
        assertThat(only("naïve\u00a0x").kind()).isEqualTo(Kind.WORD);
    }

    @Test
    void aDollarSignInsideAWordIsPartOfIt() {
        // docs: identifiers may contain dollar signs; a dollar quote after a word needs whitespace
        assertThat(texts("a$b$c")).containsExactly("a$b$c");
        assertThat(texts("x $q$y$q$")).containsExactly("x", "$q$y$q$");
    }

    @Test
    void aQuotedIdentifierHoldsAnyCharacterAndADoubledQuote() {
        // docs: "select" is a name, not the key word; "a ""b""" holds quotes
        SqlToken select = only("\"select\"");
        assertThat(select.kind()).isEqualTo(Kind.QUOTED_IDENTIFIER);
        assertThat(select.name()).isEqualTo("select");
        assertThat(only("\"a \"\"b\"\" -- /* 'c' */\"").name()).isEqualTo("a \"b\" -- /* 'c' */");
        assertThat(texts("\"a\".\"b\"")).containsExactly("\"a\"", ".", "\"b\"");
    }

    @Test
    void unicodeEscapesInQuotedIdentifiers() {
        // docs: U&"d\0061t\+000061" is data; U&"\0441\043B\043E\043D" is the Russian word for elephant
        assertThat(only("U&\"d\\0061t\\+000061\"").name()).isEqualTo("data");
        assertThat(only("U&\"\\0441\\043B\\043E\\043D\"").name()).isEqualTo("слон");
        // docs: another escape character with UESCAPE
        SqlToken data =
                SqlLexer.tokens("U&\"d!0061t!+000061\" UESCAPE '!' AS x").get(0);
        assertThat(data.name()).isEqualTo("data");
        assertThat(data.text()).isEqualTo("U&\"d!0061t!+000061\" UESCAPE '!'");
        assertThat(texts("U&\"d!0061t!+000061\" UESCAPE '!' AS x")).hasSize(3);
        // a doubled escape character is itself; a surrogate pair written as two escapes is one character
        assertThat(only("u&\"a\\\\b\"").name()).isEqualTo("a\\b");
        assertThat(only("U&\"\\D83D\\DE00\"").name()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void aNameLongerThanSixtyThreeBytesIsCutAsTheServerCutsIt() {
        String long64 = "a".repeat(64);
        assertThat(only(long64).name()).isEqualTo("a".repeat(63));
        assertThat(only("\"" + "é".repeat(32) + "\"").name()).isEqualTo("é".repeat(31));
    }

    // ---- 4.1.2 constants ---------------------------------------------------------------------------------

    @Test
    void aStringWithADoubledQuote() {
        // docs: 'Dianne''s horse'
        assertThat(texts("SELECT 'Dianne''s horse', x")).containsExactly("SELECT", "'Dianne''s horse'", ",", "x");
        // a backslash is no escape in a standard string: the quote after it ends the string
        assertThat(texts("'a\\' b")).containsExactly("'a\\'", "b");
    }

    @Test
    void stringsOnSeparateLinesAreTwoTokens() {
        // docs: SELECT 'foo'\n'bar'; is one constant to the server, two strings here
        assertThat(kinds("SELECT 'foo'\n'bar';"))
                .containsExactly(Kind.WORD, Kind.STRING, Kind.STRING, Kind.PUNCTUATION);
    }

    @Test
    void anEscapeStringTakesABackslashedQuote() {
        // docs: E'...' with C-style backslash escapes; \' is a quote inside the string
        assertThat(texts("E'it\\'s' x")).containsExactly("E'it\\'s'", "x");
        assertThat(texts("e'a\\\\' b")).containsExactly("e'a\\\\'", "b");
        assertThat(texts("E'\\x41\\101\\u0041 ''q''' y")).containsExactly("E'\\x41\\101\\u0041 ''q'''", "y");
        assertThat(only("E'it\\'s'").kind()).isEqualTo(Kind.STRING);
    }

    @Test
    void unicodeAndNationalStrings() {
        // docs: U&'d\0061t\+000061', U&'d!0061t!+000061' UESCAPE '!'
        assertThat(texts("U&'d\\0061t\\+000061' x")).containsExactly("U&'d\\0061t\\+000061'", "x");
        assertThat(texts("U&'d!0061t!+000061' UESCAPE '!' x")).containsExactly("U&'d!0061t!+000061' UESCAPE '!'", "x");
        assertThat(texts("U&'it''s' x")).containsExactly("U&'it''s'", "x");
        assertThat(texts("N'it''s' x")).containsExactly("N'it''s'", "x");
        // U& without a quote right after it is a word and an operator
        assertThat(texts("u & 'x'")).containsExactly("u", "&", "'x'");
    }

    @Test
    void dollarQuotedStrings() {
        // docs: $$Dianne's horse$$ and $SomeTag$Dianne's horse$SomeTag$
        assertThat(only("$$Dianne's horse$$").kind()).isEqualTo(Kind.STRING);
        assertThat(texts("$SomeTag$Dianne's horse$SomeTag$ x"))
                .containsExactly("$SomeTag$Dianne's horse$SomeTag$", "x");
        // docs: nested with a different tag at each level
        String body = "$function$\nBEGIN\n    RETURN ($1 ~ $q$[\\t\\r\\n\\v\\\\]$q$);\nEND;\n$function$";
        assertThat(texts(body + " LANGUAGE plpgsql")).containsExactly(body, "LANGUAGE", "plpgsql");
        // docs: tags are case sensitive, $tag$String content$tag$ is right and $TAG$String content$tag$ is not
        assertThat(texts("$tag$String content$tag$;")).containsExactly("$tag$String content$tag$", ";");
        assertThat(texts("$TAG$String content$tag$; x")).containsExactly("$TAG$String content$tag$; x");
        // a mismatched $other$ inside is text, and the real delimiter right after it closes
        assertThat(texts("$a$ 'x $b$ \"y $$a$ z")).containsExactly("$a$ 'x $b$ \"y $$a$", "z");
        // nothing inside is special: no comment, no quote, no backslash
        assertThat(texts("$$ -- ' \" /* \\$$ x")).containsExactly("$$ -- ' \" /* \\$$", "x");
    }

    @Test
    void aDollarFollowedByDigitsIsAParameter() {
        // docs 4.1.4: $1 is a positional parameter, not a dollar quote
        assertThat(kinds("$1 + $23")).containsExactly(Kind.PARAMETER, Kind.OPERATOR, Kind.PARAMETER);
        assertThat(texts("$1$2")).containsExactly("$1", "$2");
        // $abc without a closing $ is a lone $ and a word, as the server reads it
        assertThat(kinds("$abc x")).containsExactly(Kind.PUNCTUATION, Kind.WORD, Kind.WORD);
    }

    @Test
    void bitStrings() {
        // docs: B'1001' and X'1FF'
        assertThat(kinds("B'1001' X'1FF' b'0' x'ff'"))
                .containsExactly(Kind.BIT_STRING, Kind.BIT_STRING, Kind.BIT_STRING, Kind.BIT_STRING);
        // a bit string ends at its first quote: no doubled quote, no escape
        assertThat(texts("B'10''01'")).containsExactly("B'10'", "'01'");
        assertThat(texts("X'1\\' y")).containsExactly("X'1\\'", "y");
    }

    @Test
    void numericConstants() {
        // docs: 42 3.5 4. .001 5e2 1.925e-3
        assertThat(texts("42 3.5 4. .001 5e2 1.925e-3")).containsExactly("42", "3.5", "4.", ".001", "5e2", "1.925e-3");
        // docs: 0b100101 0B10011001 0o273 0O755 0x42f 0XFFFF
        assertThat(kinds("0b100101 0B10011001 0o273 0O755 0x42f 0XFFFF"))
                .containsOnly(Kind.NUMBER)
                .hasSize(6);
        // docs: 1_500_000_000 0b10001000_00000000 0o_1_755 0xFFFF_FFFF 1.618_034
        assertThat(texts("1_500_000_000 0b10001000_00000000 0o_1_755 0xFFFF_FFFF 1.618_034"))
                .containsExactly("1_500_000_000", "0b10001000_00000000", "0o_1_755", "0xFFFF_FFFF", "1.618_034");
        // 1..10 is a number and a range
        assertThat(texts("1..10")).containsExactly("1", "..", "10");
        assertThat(texts("t.x")).containsExactly("t", ".", "x");
    }

    // ---- 4.1.3 operators and 4.1.4 special characters -----------------------------------------------------

    @Test
    void operators() {
        // docs: X*@Y is X, the operator *@ and Y; X* @Y is X, *, @ and Y
        assertThat(texts("X*@Y")).containsExactly("X", "*@", "Y");
        assertThat(texts("X* @Y")).containsExactly("X", "*", "@", "Y");
        // scan.l: an operator ends in + or - only if it holds a character SQL's operators do not
        assertThat(texts("a=-1")).containsExactly("a", "=", "-", "1");
        assertThat(texts("a@-1")).containsExactly("a", "@-", "1");
        assertThat(texts("a <> b || c >= d")).containsExactly("a", "<>", "b", "||", "c", ">=", "d");
        assertThat(texts("x::text[] := y")).containsExactly("x", "::", "text", "[", "]", ":=", "y");
        assertThat(SqlLexer.tokens("x::int").get(1).is("::")).isTrue();
    }

    // ---- 4.1.5 comments ---------------------------------------------------------------------------------------

    @Test
    void lineComments() {
        // docs: -- This is a standard SQL comment
        assertThat(texts("a -- This is a standard SQL comment 'x\nb")).containsExactly("a", "b");
        assertThat(texts("a--b\r\nc")).containsExactly("a", "c");
        // an operator stops where a comment starts
        assertThat(texts("a +-- c\nb")).containsExactly("a", "+", "b");
    }

    @Test
    void blockCommentsNest() {
        // docs: /* multiline comment * with nesting: /* nested block comment */ */
        assertThat(texts("a /* multiline comment\n * with nesting: /* nested block comment */\n */ b"))
                .containsExactly("a", "b");
        assertThat(texts("a /* /* */ 'not code' */ b")).containsExactly("a", "b");
        assertThat(texts("a+/*c*/b")).containsExactly("a", "+", "b");
    }

    @Test
    void whatIsLeftOpenRunsToTheEnd() {
        assertThat(texts("a 'open")).containsExactly("a", "'open");
        assertThat(texts("a \"open")).containsExactly("a", "\"open");
        assertThat(only("\"open").name()).isEqualTo("open");
        assertThat(texts("a $$open")).containsExactly("a", "$$open");
        assertThat(texts("a /* /* */ b")).containsExactly("a");
        assertThat(texts("a E'\\")).containsExactly("a", "E'\\");
    }

    @Test
    void positionsPointIntoTheText() {
        String sql = "create table \"A\".b (c text default E'x\\'y')";
        for (SqlToken token : SqlLexer.tokens(sql)) {
            assertThat(sql.substring(token.start(), token.end())).isEqualTo(token.text());
        }
    }
}

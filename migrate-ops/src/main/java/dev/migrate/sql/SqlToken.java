package dev.migrate.sql;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One token of PostgreSQL SQL text, as {@link SqlLexer} reads it.
 *
 * @param kind what the token is
 * @param start the index of its first character in the text
 * @param end the index after its last character
 * @param text the token as written, quotes and prefixes included ({@code E'it\'s'}, {@code "Name"})
 * @param name for an identifier, the name PostgreSQL stores: an unquoted one folded to lower case
 *     (ASCII letters only, as the server does), a quoted one as written with its doubled quotes and
 *     {@code U&} escapes resolved, either cut to {@link Names#MAX_BYTES}; {@code null} for any other token
 */
public record SqlToken(
        Kind kind,
        int start,
        int end,
        String text,
        @Nullable String name) {

    /** The kinds of token; whitespace and comments are no tokens. */
    public enum Kind {
        /** A key word or an unquoted identifier: {@code select}, {@code my_table}. */
        WORD,
        /** {@code "My Table"}, or {@code U&"d\0061t\+000061"} with an optional {@code UESCAPE 'c'}. */
        QUOTED_IDENTIFIER,
        /**
         * A character string: {@code 'a''b'}, {@code E'a\'b'}, {@code U&'...'}, {@code N'...'}, or
         * dollar-quoted {@code $$...$$}, {@code $tag$...$tag$}.
         */
        STRING,
        /** {@code B'1001'} or {@code X'1FF'}. */
        BIT_STRING,
        /** {@code 42}, {@code 3.5}, {@code .001}, {@code 1.925e-3}, {@code 0x42f}, {@code 1_500_000}. */
        NUMBER,
        /** A positional parameter: {@code $1}. */
        PARAMETER,
        /** An operator: {@code =}, {@code <>}, {@code ||}, {@code *@}. */
        OPERATOR,
        /** {@code , ( ) [ ] . ; :}, {@code ::}, {@code :=}, {@code ..}, and a character no other kind takes. */
        PUNCTUATION
    }

    /** Whether the token names something: a word (a key word too) or a quoted identifier. */
    public boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_IDENTIFIER;
    }

    /** Whether the token is the unquoted word {@code word}, in any case: {@code token.isWord("create")}. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && word.toLowerCase(Locale.ROOT).equals(name);
    }

    /** Whether the token is the punctuation or operator {@code symbol}: {@code token.is("(")}. */
    public boolean is(String symbol) {
        return (kind == Kind.PUNCTUATION || kind == Kind.OPERATOR) && text.equals(symbol);
    }
}

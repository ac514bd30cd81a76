package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads one statement's tokens ({@link SqlLexer#tokens}) from the front: key words and dotted names,
 * moving past what it reads.
 */
public final class TokenCursor {
    private final List<SqlToken> tokens;
    private int at;

    public TokenCursor(List<SqlToken> tokens) {
        this(tokens, 0);
    }

    /** A cursor at token {@code at}. */
    public TokenCursor(List<SqlToken> tokens, int at) {
        this.tokens = tokens;
        this.at = at;
    }

    /** Moves past {@code words} when they all come next, in any case; otherwise stays. */
    public boolean words(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (at + i >= tokens.size() || !tokens.get(at + i).isWord(words[i])) {
                return false;
            }
        }
        at += words.length;
        return true;
    }

    /** Moves past the next token that is {@code word}; at the end when there is none. */
    public boolean skipTo(String word) {
        while (at < tokens.size()) {
            if (tokens.get(at++).isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code name}, {@code schema.name} or {@code database.schema.name} as PostgreSQL stores each part,
     * moved past; empty when no name comes next.
     */
    public List<String> dottedName() {
        List<String> parts = new ArrayList<>();
        while (at < tokens.size() && tokens.get(at).isIdentifier()) {
            parts.add(tokens.get(at++).name());
            if (at < tokens.size() && tokens.get(at).is(".")) {
                at++;
            } else {
                break;
            }
        }
        return parts;
    }

    /** The next token, not moved past; {@code null} at the end. */
    public @Nullable SqlToken peek() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    /** Moves past the next token. */
    public void skip() {
        at++;
    }
}

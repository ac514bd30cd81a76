package dev.migrate.internal.sql;

import dev.migrate.sql.SqlLexer;
import dev.migrate.sql.SqlToken;
import dev.migrate.sql.TokenCursor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles SQL statements name but do not create: grantees of {@code GRANT} and {@code REVOKE} (of
 * privileges and of roles), {@code ALTER DEFAULT PRIVILEGES FOR ROLE}, {@code OWNER TO}, the roles of
 * {@code CREATE POLICY} and {@code ALTER POLICY}, {@code AUTHORIZATION}, {@code GRANTED BY},
 * {@code SET ROLE} and {@code REASSIGN OWNED}, read through the statements of a {@code DO} block too.
 * Roles belong to the cluster, not to a schema: a server a chain is replayed on from nothing lacks them.
 *
 * <pre>{@code
 * RoleNames.namedNotCreated(List.of("GRANT SELECT ON customer TO reporting")); // [reporting]
 * }</pre>
 */
public final class RoleNames {
    /** Role specifications that are not roles a server could lack. */
    private static final Set<String> PSEUDO_ROLES =
            Set.of("public", "current_user", "session_user", "current_role", "none", "default");

    /** The key words a statement that names or creates a role starts with. */
    private static final Set<String> STATEMENT_STARTS =
            Set.of("grant", "revoke", "create", "alter", "set", "reassign", "drop");

    private RoleNames() {}

    /**
     * The roles {@code statements} name, in the order first named, without those one of them creates
     * ({@code CREATE ROLE}, {@code CREATE USER}, {@code CREATE GROUP}).
     *
     * @param statements SQL text, each one or more statements
     * @return the names as the server stores them
     */
    public static Set<String> namedNotCreated(List<String> statements) {
        Set<String> named = new LinkedHashSet<>();
        Set<String> created = new LinkedHashSet<>();
        statements.forEach(sql -> read(sql, named, created));
        named.removeAll(created);
        return named;
    }

    private static void read(String sql, Set<String> named, Set<String> created) {
        List<SqlToken> statement = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokens(sql)) {
            if (token.is(";")) {
                statement(statement, named, created);
                statement.clear();
            } else {
                statement.add(token);
            }
        }
        statement(statement, named, created);
    }

    private static void statement(List<SqlToken> tokens, Set<String> named, Set<String> created) {
        if (tokens.isEmpty()) {
            return;
        }
        if (tokens.get(0).isWord("do")) {
            // the body's statements, where they stand as written; dynamic SQL built from strings stays unseen
            tokens.stream()
                    .filter(t -> t.kind() == SqlToken.Kind.STRING)
                    .forEach(t -> readBody(body(t.text()), named, created));
            return;
        }
        TokenCursor start = new TokenCursor(tokens);
        if (start.words("create", "role") || start.words("create", "user") || start.words("create", "group")) {
            SqlToken name = start.peek();
            if (name != null && name.isIdentifier() && name.name() != null) {
                created.add(name.name());
            }
            return;
        }
        boolean grant = startsWith(tokens, "grant");
        boolean revoke = startsWith(tokens, "revoke");
        boolean defaults = startsWith(tokens, "alter", "default", "privileges");
        boolean policy = startsWith(tokens, "create", "policy") || startsWith(tokens, "alter", "policy");
        boolean owned = startsWith(tokens, "reassign", "owned") || startsWith(tokens, "drop", "owned");
        if ((grant || revoke) && !onObject(tokens)) {
            // roles granted to roles: GRANT r TO a, REVOKE [ADMIN | INHERIT | SET OPTION FOR] r FROM a
            boolean option = tokens.size() > 3
                    && tokens.get(2).isWord("option")
                    && tokens.get(3).isWord("for");
            roles(tokens, revoke && option ? 4 : 1, named);
        }
        if (startsWith(tokens, "set", "role")) {
            roles(tokens, 2, named);
        } else if (startsWith(tokens, "set", "local", "role") || startsWith(tokens, "set", "session", "role")) {
            roles(tokens, 3, named);
        }
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.is("(")) {
                depth++;
            } else if (token.is(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == SqlToken.Kind.WORD) {
                String word = token.name();
                boolean listFollows = ("to".equals(word)
                                && !after(tokens, i, "rename")
                                && (grant || defaults || policy || owned || after(tokens, i, "owner")))
                        || ("from".equals(word) && (revoke || defaults))
                        || (("role".equals(word) || "user".equals(word)) && defaults && after(tokens, i, "for"))
                        || ("by".equals(word) && (after(tokens, i, "granted") || owned))
                        || "authorization".equals(word);
                if (listFollows) {
                    roles(tokens, i + 1, named);
                }
            }
        }
    }

    /**
     * The statements of a {@code DO} block's body: each part between semicolons read from every key word
     * a statement may start with, since PL/pgSQL puts {@code BEGIN}, {@code THEN} or {@code LOOP} before it.
     */
    private static void readBody(String body, Set<String> named, Set<String> created) {
        List<SqlToken> part = new ArrayList<>();
        List<SqlToken> tokens = new ArrayList<>(SqlLexer.tokens(body));
        tokens.add(new SqlToken(SqlToken.Kind.PUNCTUATION, body.length(), body.length(), ";", null));
        for (SqlToken token : tokens) {
            if (!token.is(";")) {
                part.add(token);
                continue;
            }
            for (int k = 0; k < part.size(); k++) {
                SqlToken first = part.get(k);
                if (STATEMENT_STARTS.contains(first.kind() == SqlToken.Kind.WORD ? first.name() : "")) {
                    statement(part.subList(k, part.size()), named, created);
                }
            }
            part.clear();
        }
    }

    private static boolean startsWith(List<SqlToken> tokens, String... words) {
        return new TokenCursor(tokens).words(words);
    }

    /** Whether a {@code GRANT} or {@code REVOKE} is of privileges on objects, rather than of roles. */
    private static boolean onObject(List<SqlToken> tokens) {
        int depth = 0;
        for (SqlToken token : tokens) {
            if (token.is("(")) {
                depth++;
            } else if (token.is(")")) {
                depth--;
            } else if (depth == 0 && (token.isWord("on") || token.isWord("to") || token.isWord("from"))) {
                return token.isWord("on");
            }
        }
        return false;
    }

    private static boolean after(List<SqlToken> tokens, int i, String word) {
        return i > 0 && tokens.get(i - 1).isWord(word);
    }

    /** The comma-separated role names from token {@code from} on ({@code GROUP x} as {@code x}). */
    private static void roles(List<SqlToken> tokens, int from, Set<String> named) {
        int i = from;
        while (i < tokens.size()) {
            if (tokens.get(i).isWord("group")
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).isIdentifier()) {
                i++;
            }
            SqlToken role = tokens.get(i);
            String name = role.name();
            if (!role.isIdentifier() || name == null) {
                return;
            }
            if (role.kind() == SqlToken.Kind.QUOTED_IDENTIFIER || !PSEUDO_ROLES.contains(name)) {
                named.add(name);
            }
            if (i + 1 >= tokens.size() || !tokens.get(i + 1).is(",")) {
                return;
            }
            i += 2;
        }
    }

    /** The text of a string token: {@code $$...$$}, {@code $tag$...$tag$} or {@code '...'}. */
    private static String body(String text) {
        if (text.startsWith("$")) {
            int open = text.indexOf('$', 1);
            int close = text.lastIndexOf('$', text.length() - 2);
            return open >= 0 && close > open ? text.substring(open + 1, close) : "";
        }
        if (text.startsWith("'") && text.length() >= 2) {
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        return "";
    }
}

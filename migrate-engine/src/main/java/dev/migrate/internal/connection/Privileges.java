package dev.migrate.internal.connection;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns PostgreSQL's "permission denied" (SQLSTATE 42501) into a sentence that names the privilege
 * the connected role lacks and how to grant it.
 */
public final class Privileges {
    private static final Pattern DENIED =
            Pattern.compile("permission denied for (schema|database|table|sequence|relation|type) (\"?[^\"\\s]+\"?)");
    private static final Pattern OWNER =
            Pattern.compile("must be owner of (table|relation|sequence|type|index|schema) (\"?[^\"\\s]+\"?)");

    private Privileges() {}

    /** The sentence for a failed statement or connection, or empty when it was not refused for lack of a privilege. */
    public static String explain(SQLException e, @Nullable String user) {
        if (!"42501".equals(e.getSQLState()) || e.getMessage() == null) {
            return "";
        }
        String role = user == null || user.isBlank() ? "the connected role" : "the role " + user;
        String grantee = user == null || user.isBlank() ? "<role>" : user;
        Matcher denied = DENIED.matcher(e.getMessage());
        if (denied.find()) {
            String kind = denied.group(1);
            String name = denied.group(2);
            return switch (kind) {
                case "schema" ->
                    " The statement needs the CREATE and USAGE privileges on schema " + name + ", which " + role
                            + " lacks: GRANT CREATE, USAGE ON SCHEMA " + name + " TO " + grantee
                            + ", or connect as the schema's owner.";
                case "database" ->
                    " " + capitalize(role) + " lacks the "
                            + (e.getMessage().contains("CONNECT") ? "CONNECT" : "CONNECT or CREATE")
                            + " privilege on database " + name + ": GRANT CONNECT ON DATABASE " + name + " TO "
                            + grantee + ".";
                default ->
                    " " + capitalize(role) + " lacks a privilege on " + kind + " " + name + " (SELECT, INSERT, UPDATE, "
                            + "DELETE or REFERENCES as the statement needs): grant it, or run migrations as the owner of "
                            + name + ".";
            };
        }
        Matcher owner = OWNER.matcher(e.getMessage());
        if (owner.find()) {
            return " Only the owner of " + owner.group(1) + " " + owner.group(2) + " may change it, and " + role
                    + " is not: run migrations as the owning role, or ALTER "
                    + owner.group(1).toUpperCase(Locale.ROOT) + " "
                    + owner.group(2) + " OWNER TO " + grantee + ".";
        }
        if (e.getMessage().contains("CONNECT privilege")) {
            return " " + capitalize(role)
                    + " lacks the CONNECT privilege on the database: GRANT CONNECT ON DATABASE <name> TO " + grantee
                    + ".";
        }
        return " " + capitalize(role) + " lacks a privilege the statement needs.";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

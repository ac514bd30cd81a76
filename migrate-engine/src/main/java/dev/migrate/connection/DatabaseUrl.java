package dev.migrate.connection;

import dev.migrate.CredentialsProvider;
import dev.migrate.MigrateException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL address in either spelling users bring: JDBC ({@code jdbc:postgresql://host:port/db?...})
 * or libpq/Heroku ({@code postgresql://user:pass@host:port/db}, {@code postgres://...}).
 *
 * <p>Credentials are split out of the URL so that {@link #jdbcUrl()} never carries a password and
 * can be shown in messages. One parser serves {@code Migrator.builder().url(...)} and the Maven
 * plugin's {@code url}, so both accept the same URLs and refuse the same ones with the same message.
 *
 * @param jdbcUrl the JDBC URL without user and password
 * @param hosts {@code host:port} of each server, for messages
 * @param database the database name, empty when the URL leaves it to the driver
 * @param user the user named in the URL, or null
 * @param password the password given in the URL, or null
 */
public record DatabaseUrl(
        String jdbcUrl,
        String hosts,
        String database,
        @Nullable String user,
        @Nullable String password) {
    private static final String JDBC_PREFIX = "jdbc:postgresql:";

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + "]";
    }

    /**
     * The first server of the URL as a credentials provider is told it: its host (without brackets) and port
     * (5432 when the URL names none), {@code database} and {@code user}.
     */
    public CredentialsProvider.Server server(String database, @Nullable String user) {
        String first = hosts.split(",", -1)[0];
        int colon = first.lastIndexOf(':');
        String host = first;
        int port = 5432;
        if (colon > 0 && first.indexOf(']', colon) < 0) {
            host = first.substring(0, colon);
            try {
                port = Integer.parseInt(first.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = 5432;
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new CredentialsProvider.Server(host, port, database, user);
    }

    /** Parses {@code url}; {@code origin} names where it came from, for the error message. */
    public static DatabaseUrl parse(String url, String origin) {
        String text = url.trim();
        if (text.startsWith(JDBC_PREFIX)) {
            return parseJdbc(text.substring(JDBC_PREFIX.length()), origin);
        }
        for (String scheme : List.of("postgresql://", "postgres://")) {
            if (text.startsWith(scheme)) {
                return parseUri(text.substring(scheme.length()), origin);
            }
        }
        // Never echo the URL: it may hold a password.
        throw new MigrateException("The database URL from " + origin + " is not a PostgreSQL URL. "
                + "Write it as jdbc:postgresql://host:port/database or postgresql://user:password@host:port/database.");
    }

    private static DatabaseUrl parseJdbc(String rest, String origin) {
        if (!rest.startsWith("//")) {
            // jdbc:postgresql:database, the driver's shorthand for localhost:5432
            Split query = Split.at(rest, '?');
            Params params = Params.parse(query.after);
            return new DatabaseUrl(
                    JDBC_PREFIX + query.before + params.remainderQuery(),
                    "localhost:5432",
                    query.before,
                    params.user,
                    params.password);
        }
        Split path = Split.at(rest.substring(2), '/');
        Split query = Split.at(path.after, '?');
        Params params = Params.parse(query.after);
        String hosts = withDefaultPorts(path.before, origin);
        return new DatabaseUrl(
                JDBC_PREFIX + "//" + path.before + "/" + query.before + params.remainderQuery(),
                hosts,
                decode(query.before),
                params.user,
                params.password);
    }

    private static DatabaseUrl parseUri(String rest, String origin) {
        Split path = Split.at(rest, '/');
        String authority = path.before;
        @Nullable String user = null;
        @Nullable String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            Split credentials = Split.at(userInfo, ':');
            user = credentials.before.isEmpty() ? null : decode(credentials.before);
            password = userInfo.indexOf(':') < 0 ? null : decode(credentials.after);
        }
        Split query = Split.at(path.after, '?');
        Params params = Params.parse(query.after);
        user = params.user != null ? params.user : user;
        password = params.password != null ? params.password : password;
        String hostList = authority.isEmpty() ? "localhost" : authority;
        return new DatabaseUrl(
                JDBC_PREFIX + "//" + hostList + "/" + query.before + params.remainderQuery(),
                withDefaultPorts(hostList, origin),
                decode(query.before),
                user,
                password);
    }

    private static String withDefaultPorts(String hostList, String origin) {
        if (hostList.isEmpty()) {
            throw new MigrateException("The database URL from " + origin + " names no host. "
                    + "Write it as jdbc:postgresql://host:port/database.");
        }
        List<String> hosts = new ArrayList<>();
        for (String host : hostList.split(",", -1)) {
            if (host.isEmpty()) {
                throw new MigrateException("The database URL from " + origin + " has an empty entry in its host list '"
                        + hostList + "'. Remove the extra comma, or write the hosts as host1:5432,host2:5432.");
            }
            int colon = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
            if (colon <= 0) {
                hosts.add(host + ":5432");
                continue;
            }
            String port = host.substring(colon + 1);
            if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
                throw new MigrateException(
                        "The database URL from " + origin + " gives the port '" + port + "' for the host "
                                + host.substring(0, colon) + ", which is not a port number. Write the host as host:5432"
                                + " (and percent-encode a ':' or '@' in the password as %3A or %40).");
            }
            hosts.add(host);
        }
        return String.join(",", hosts);
    }

    /**
     * Percent-decoding as URLs define it: {@code %XX} is a byte of UTF-8 and everything else stands
     * for itself. Unlike {@link java.net.URLDecoder} (form encoding), a {@code +} stays a plus, as
     * libpq and the JDBC driver read it.
     */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                bytes.writeBytes(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private record Split(String before, String after) {
        static Split at(String text, char separator) {
            int i = text.indexOf(separator);
            return i < 0 ? new Split(text, "") : new Split(text.substring(0, i), text.substring(i + 1));
        }
    }

    /** The query parameters, with user and password taken out. */
    private record Params(@Nullable String user, @Nullable String password, List<String> remainder) {
        static Params parse(String query) {
            @Nullable String user = null;
            @Nullable String password = null;
            List<String> remainder = new ArrayList<>();
            for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
                Split kv = Split.at(pair, '=');
                switch (kv.before) {
                    case "user" -> user = decode(kv.after);
                    case "password" -> password = decode(kv.after);
                    default -> remainder.add(pair);
                }
            }
            return new Params(user, password, remainder);
        }

        String remainderQuery() {
            return remainder.isEmpty() ? "" : "?" + String.join("&", remainder);
        }
    }
}

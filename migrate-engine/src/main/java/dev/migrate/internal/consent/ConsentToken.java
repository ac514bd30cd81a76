package dev.migrate.internal.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A consent token: {@code c1-<hour>-<database>-<plan>}, where {@code hour} is the hour it was issued in (hours since
 * the epoch, hexadecimal), {@code database} a digest of the server, database and schema, and {@code plan} a digest of
 * those and every statement of the plan. It is valid in the hour it was issued and the next. It is no secret: it
 * binds a person's yes to one plan on one database, so that a yes given once never covers another run.
 */
public final class ConsentToken {
    private static final Pattern FORM = Pattern.compile("c1-([0-9a-f]{1,8})-([0-9a-f]{8})-([0-9a-f]{16})");

    /** Why a given value does not let a plan run, or that it does. */
    public enum Verdict {
        MATCHES,
        OTHER_PLAN,
        EXPIRED,
        OTHER_DATABASE,
        NOT_A_TOKEN
    }

    private ConsentToken() {}

    /** The token of {@code plan} on {@code database}, issued at {@code now}. */
    public static String issue(Database database, Plan plan, Instant now) {
        long hour = hour(now);
        return "c1-" + Long.toHexString(hour) + "-" + databasePart(database) + "-" + planPart(hour, database, plan);
    }

    /** What {@code given} is for {@code plan} on {@code database} at {@code now}. */
    public static Verdict check(String given, Database database, Plan plan, Instant now) {
        Matcher form = FORM.matcher(given.strip());
        if (!form.matches()) {
            return Verdict.NOT_A_TOKEN;
        }
        long issued = Long.parseLong(form.group(1), 16);
        long hour = hour(now);
        if (hour != issued && hour != issued + 1) {
            return Verdict.EXPIRED;
        }
        if (!form.group(2).equals(databasePart(database))) {
            return Verdict.OTHER_DATABASE;
        }
        return form.group(3).equals(planPart(issued, database, plan)) ? Verdict.MATCHES : Verdict.OTHER_PLAN;
    }

    /** The instant a token issued at {@code now} stops being valid: the end of the next hour. */
    public static Instant expiry(Instant now) {
        return Instant.ofEpochSecond((hour(now) + 2) * 3600);
    }

    private static long hour(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), 3600);
    }

    private static String databasePart(Database database) {
        return sha256(database.key()).substring(0, 8);
    }

    private static String planPart(long hour, Database database, Plan plan) {
        StringBuilder text = new StringBuilder("migrate consent\n")
                .append(hour)
                .append('\n')
                .append(database.key())
                .append('\n')
                .append(plan.action());
        plan.statements().forEach(s -> text.append("\n;\n").append(s.sql()));
        return sha256(text.toString()).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

package dev.migrate.mcp;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Takes credentials out of a response before it leaves the server: each secret the face named (longest first, so a
 * URL goes before the password inside it), then any user-info of a URL ({@code //user:password@host}) and any
 * {@code password=} parameter, whoever wrote them (a driver's message, a server's error).
 */
record Redaction(List<String> secrets) {
    static final String HIDDEN = "***";
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/@\\s\"']+@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s\"']+");

    Redaction {
        secrets = secrets.stream()
                .filter(secret -> !secret.isBlank())
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String apply(String text) {
        String hidden = text;
        for (String secret : secrets) {
            hidden = hidden.replace(secret, HIDDEN);
        }
        hidden = USER_INFO.matcher(hidden).replaceAll(HIDDEN + "@");
        return PASSWORD_PARAMETER.matcher(hidden).replaceAll("$1" + HIDDEN);
    }
}

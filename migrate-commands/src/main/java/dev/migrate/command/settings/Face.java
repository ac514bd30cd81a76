package dev.migrate.command.settings;

/**
 * Where a user gives a setting: the plugin, the command line, the Spring Boot starter, the Quarkus extension, or the
 * Java API.
 */
public enum Face {
    /** {@code -Dmigrate.lockTimeout=5s}, or {@code <lockTimeout>5s</lockTimeout>} in the plugin's configuration. */
    MAVEN,
    /** {@code --lock-timeout 5s}. */
    COMMAND_LINE,
    /** {@code migrate.lock-timeout=5s} in {@code application.properties}. */
    SPRING_BOOT,
    /**
     * {@code quarkus.migrate.lock-timeout=5s} in a Quarkus application's {@code application.properties}, and
     * {@code quarkus.migrate."inventory".lock-timeout} for its datasource {@code inventory}.
     */
    QUARKUS,
    /** {@code Migrator.builder().lockTimeout(Duration.ofSeconds(5))}. */
    JAVA_API;

    /** As the reference page's header names the face: {@code Maven}, {@code command line}. */
    public String title() {
        return switch (this) {
            case MAVEN -> "Maven";
            case COMMAND_LINE -> "command line";
            case SPRING_BOOT -> "Spring Boot";
            case QUARKUS -> "Quarkus";
            case JAVA_API -> "Java API";
        };
    }

    /** {@code lockWaitTimeout} as a lower-case name with dashes: {@code lock-wait-timeout}. */
    static String dashed(String camel) {
        // by hand rather than by a pattern: the command line reads every row at its start
        StringBuilder dashed = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLetterOrDigit(camel.charAt(i - 1))) {
                dashed.append('-');
            }
            dashed.append(Character.toLowerCase(c));
        }
        return dashed.toString();
    }
}

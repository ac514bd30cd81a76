package dev.migrate.command.settings;

import java.util.Locale;

/** Where a user gives a setting: the plugin, the command line, the Spring Boot starter, or the Java API. */
public enum Face {
    /** {@code -Dmigrate.lockTimeout=5s}, or {@code <lockTimeout>5s</lockTimeout>} in the plugin's configuration. */
    MAVEN,
    /** {@code --lock-timeout 5s}. */
    COMMAND_LINE,
    /** {@code migrate.lock-timeout=5s} in {@code application.properties}. */
    SPRING_BOOT,
    /** {@code Migrator.builder().lockTimeout(Duration.ofSeconds(5))}. */
    JAVA_API;

    /** As the reference page's header names the face: {@code Maven}, {@code command line}. */
    public String title() {
        return switch (this) {
            case MAVEN -> "Maven";
            case COMMAND_LINE -> "command line";
            case SPRING_BOOT -> "Spring Boot";
            case JAVA_API -> "Java API";
        };
    }

    /** {@code lockWaitTimeout} as a lower-case name with dashes: {@code lock-wait-timeout}. */
    static String dashed(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

package dev.migrate.command.entity;

import dev.migrate.autogen.cache.Fingerprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What builds an entity model: the project's JPA provider, named by its jar as a build names it
 * ({@code hibernate-core 7.2.0.Final}), and the entity classes, by their bytes. {@code check} and
 * {@code autogenerate} keep the origin of the last model that matched the schema at head, so that differences
 * that appear with a new provider and unchanged classes are named as the provider's.
 *
 * @param provider the provider's artifact and version
 * @param classDirectories the project's compiled classes
 */
public record EntityOrigin(String provider, List<Path> classDirectories) {
    private static final Pattern PROVIDER_JAR =
            Pattern.compile("(hibernate-core|eclipselink|org\\.eclipse\\.persistence\\.core)-(\\d[^/\\\\]*)\\.jar");

    public EntityOrigin {
        classDirectories = List.copyOf(classDirectories);
    }

    /**
     * The origin of the entities in {@code classDirectories} described by the provider on {@code classpath}; empty
     * when no jar of a known provider (Hibernate, EclipseLink) is on it.
     */
    public static Optional<EntityOrigin> of(List<Path> classDirectories, List<Path> classpath) {
        for (Path element : classpath) {
            Path name = element.getFileName();
            Matcher jar = PROVIDER_JAR.matcher(name == null ? "" : name.toString());
            if (jar.matches()) {
                return Optional.of(new EntityOrigin(jar.group(1) + " " + jar.group(2), classDirectories));
            }
        }
        return Optional.empty();
    }

    /** The artifact of the provider, without its version: {@code hibernate-core}. */
    public String artifact() {
        return provider.substring(0, provider.indexOf(' '));
    }

    /** The entity classes by their names and contents, as hex: equal while no class was edited. */
    public String classes() {
        Fingerprint classes = new Fingerprint().field("entity classes " + classDirectories.size());
        classDirectories.forEach(classes::classpathElement);
        return classes.hex();
    }
}

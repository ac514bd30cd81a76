package dev.migrate.autogen.entity;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hibernate 6.2's refusal of an array column, said as migrate says things: Hibernate 6.2 has no DDL type for
 * {@code SqlTypes.ARRAY} (arrays came in 6.4), and its own words ({@code Unable to determine SQL type name for
 * column 'nicknames' of table 'matrix_customer'}, caused by {@code No type mapping for ... code: 2003 (ARRAY)})
 * name neither the entity nor the field, nor the way out. The entity and field are found among the project's
 * classes by the table and column the provider names.
 */
final class ArrayRefusal {
    private static final Pattern COLUMN = Pattern.compile("column '([^']+)' of table '([^']+)'");
    /** {@code SqlTypes.ARRAY}. */
    private static final String ARRAY_CODE = "code: 2003";

    private ArrayRefusal() {}

    /**
     * The sentence for {@code failure} when it is this refusal, else empty.
     *
     * @param provider the provider and its version, as {@link EntityDdl#provider} names it
     * @param classDirectories where the project's classes are, to find the entity and the field
     * @param loader the project's loader
     */
    static Optional<String> of(Throwable failure, String provider, List<Path> classDirectories, ClassLoader loader) {
        Matcher column = null;
        boolean array = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            Matcher m = COLUMN.matcher(message);
            if (column == null && m.find()) {
                column = m;
            }
            array |= message.contains(ARRAY_CODE) && message.contains("ARRAY");
        }
        if (column == null || !array) {
            return Optional.empty();
        }
        String columnName = column.group(1);
        String table = column.group(2);
        String where = field(classDirectories, loader, table, columnName)
                .map(f -> " (entity " + f.getDeclaringClass().getName() + ", field " + f.getName() + ")")
                .orElse("");
        return Optional.of("The JPA provider (" + provider + ") has no SQL array type (ARRAY), so it cannot write"
                + " column '" + columnName + "' of table '" + table + "'" + where + ": Hibernate writes array"
                + " columns from 6.4 on. Move to Hibernate 6.4 or later, or map the field otherwise (an"
                + " @ElementCollection, or an AttributeConverter to text).");
    }

    /** The entity field mapped to {@code column} of {@code table}: by its {@code @Column} name, else its own. */
    private static Optional<Field> field(List<Path> classDirectories, ClassLoader loader, String table, String column) {
        for (Path directory : classDirectories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class"))
                        .sorted()
                        .toList()) {
                    String name = directory.relativize(file).toString().replace('\\', '/');
                    name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                    if (name.endsWith("module-info") || name.endsWith("package-info")) {
                        continue;
                    }
                    Optional<Field> found = inEntity(name, loader, table, column);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Field> inEntity(String className, ClassLoader loader, String table, String column) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        Annotation entity = annotation(type.getAnnotations(), "jakarta.persistence.Entity");
        if (entity == null) {
            return Optional.empty();
        }
        String tableName = Optional.ofNullable(annotation(type.getAnnotations(), "jakarta.persistence.Table"))
                .map(a -> attribute(a, "name"))
                .filter(n -> !n.isEmpty())
                .orElse(type.getSimpleName());
        if (!same(tableName, table)) {
            return Optional.empty();
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                String columnName = Optional.ofNullable(
                                annotation(field.getAnnotations(), "jakarta.persistence.Column"))
                        .map(a -> attribute(a, "name"))
                        .filter(n -> !n.isEmpty())
                        .orElse(field.getName());
                if (same(columnName, column)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether a Java name and a name in the DDL are the same: equal, or equal once camel case is snake case. */
    private static boolean same(String javaName, String ddlName) {
        String snake = javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return javaName.equalsIgnoreCase(ddlName) || snake.equalsIgnoreCase(ddlName);
    }

    private static @org.jspecify.annotations.Nullable Annotation annotation(Annotation[] annotations, String type) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(type)) {
                return a;
            }
        }
        return null;
    }

    /** An annotation's text attribute, read through its own interface (the project's loader defines it). */
    private static String attribute(Annotation annotation, String name) {
        try {
            return String.valueOf(annotation.annotationType().getMethod(name).invoke(annotation));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "";
        }
    }
}

package dev.migrate.command.tooling;

import dev.migrate.MigrateException;
import dev.migrate.autogen.write.NewMigration;
import dev.migrate.command.entity.EntityOrigin;
import dev.migrate.text.Fixes;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origin of the last entity model that matched the schema at head, kept in the build directory
 * ({@code target/migrate/entity-model.properties}): when differences appear and the provider is another since, while
 * no entity class changed, they are the provider's, and {@code check} and {@code autogenerate} say so.
 */
final class ProviderBaseline {
    /** The file below the build directory's {@code migrate} directory. */
    static final String FILE = "entity-model.properties";

    private ProviderBaseline() {}

    /** Keeps {@code origin} in {@code file} as that of a model that matches the schema at head. */
    static void agreed(Optional<Path> file, EntityOrigin origin) {
        if (file.isEmpty()) {
            return; // a face without a build directory keeps nothing
        }
        Properties kept = new Properties();
        kept.setProperty("provider", origin.provider());
        kept.setProperty("classes", origin.classes());
        try {
            Files.createDirectories(file.get().getParent());
            try (Writer out = Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8)) {
                kept.store(out, "the entity model that last matched the schema at head");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file.get() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What {@code count} differences owe to a provider that changed since the model last matched the schema at head;
     * empty when the provider is the same, or nothing tells which it was.
     *
     * @param headProvider the provider the head migration's header names ({@code hibernate-core 6.6.56.Final}), for a
     *     build that kept no model (a fresh checkout); empty when it names none
     */
    static Optional<String> cause(
            Optional<Path> file, Optional<String> headProvider, Fixes fixes, EntityOrigin origin, int count) {
        Optional<Properties> kept = file.flatMap(ProviderBaseline::read);
        if (kept.isEmpty()) {
            return headProvider
                    .filter(before -> !before.equals(origin.provider()))
                    .map(before -> "The head migration was written from the entity DDL of " + before + ", and the"
                            + " project now runs " + origin.provider() + ": some of these differences may come from"
                            + " the provider. Run the comparison once before a provider update, and it tells them"
                            + " apart.");
        }
        String before = kept.get().getProperty("provider", "");
        if (before.equals(origin.provider()) || before.isEmpty()) {
            return Optional.empty();
        }
        String change =
                before + " -> " + origin.provider().substring(origin.artifact().length() + 1);
        String version = before.substring(before.indexOf(' ') + 1);
        if (!kept.get().getProperty("classes", "").equals(origin.classes())) {
            return Optional.of("The JPA provider changed (" + change + ") since the entities last matched the schema"
                    + " at head, and so did the entity classes: some of these differences may come from the provider.");
        }
        String these = count == 1 ? "This difference comes" : "These " + count + " differences come";
        return Optional.of(these + " from " + change + ", not from your entities: no entity class changed since they"
                + " last matched the schema at head. Write " + (count == 1 ? "it" : "them")
                + " as the provider's migration with " + fixes.command("autogenerate") + " "
                + fixes.setting("message", "\"" + origin.provider() + " DDL\"") + ", or keep "
                + origin.artifact() + " at " + version
                + " (where the provider has a setting that keeps its earlier DDL,"
                + " such as Hibernate's hibernate.type.preferred_* settings, that setting does it too).");
    }

    /**
     * The provider the header of {@code source} (a migration autogenerate wrote) names; empty when it names none.
     */
    static Optional<String> named(String source) {
        Matcher named = DESCRIBED.matcher(source.replaceAll("\\s*\\n\\s*\\*?\\s*", " "));
        return named.find() ? Optional.of(named.group(1) + " " + named.group(2)) : Optional.empty();
    }

    private static final Pattern DESCRIBED =
            Pattern.compile(Pattern.quote(NewMigration.DESCRIBED_BY) + "([A-Za-z0-9.-]+) (\\d[^\\s:]*[^\\s:.])");

    private static Optional<Properties> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties kept = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            kept.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new MigrateException(
                    "Could not read " + file + ": " + e.getMessage() + ". Delete it: it is"
                            + " written again the next time the entities match the schema at head.",
                    e);
        }
        return Optional.of(kept);
    }
}

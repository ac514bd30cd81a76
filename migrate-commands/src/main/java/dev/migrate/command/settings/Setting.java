package dev.migrate.command.settings;

import dev.migrate.Migrator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One setting, as every face takes it: a row of {@link SettingsTable}. Which commands take it is none of the row's
 * business: each command's class declares the rows it takes ({@link TakenSettings}).
 *
 * <pre>{@code
 * Setting.named("lockTimeout", SettingType.DURATION)
 *         .in(Section.RUNNING)
 *         .byDefault("10s")
 *         .runs(Migrator.Builder::lockTimeout, "builder.lockTimeout(Duration)")
 *         .documented("PostgreSQL's lock_timeout of the migrations' statements.");
 * }</pre>
 *
 * @param name as the plugin's parameter: {@code lockTimeout}; the other faces' spellings derive from it
 * @param type what the value is, and how its text is read
 * @param defaultValue the value when none is given, as a user writes it; null: none, or the server's
 * @param section where the reference page describes it
 * @param spellings how each face that takes it spells it, in every form it takes ({@code -Dmigrate.schema} and
 *     {@code <schema>} in Maven)
 * @param absent why a face does not take it, for each face that does not
 * @param doc what it does, as the reference page says it (Markdown)
 * @param described how a face describes it in its own help where that differs from {@code doc}
 * @param run what it sets on the engine's builder, for a setting of the run itself; null for others
 * @param defaults its value when none is given, as a user writes it, for each command whose default is not
 *     {@code defaultValue} ({@code head} for {@code upgrade}, {@code -1} for {@code downgrade})
 */
public record Setting<T>(
        String name,
        SettingType<T> type,
        @Nullable String defaultValue,
        Section section,
        Map<Face, List<String>> spellings,
        Map<Face, String> absent,
        String doc,
        Map<Face, String> described,
        @Nullable BiConsumer<Migrator.Builder, T> run,
        Map<String, String> defaults) {

    public Setting {
        spellings = Map.copyOf(spellings);
        absent = Map.copyOf(absent);
        described = Map.copyOf(described);
        defaults = Map.copyOf(defaults);
    }

    /**
     * Its value when none is given to {@code command}, as a user writes it: the command's own default, else the row's;
     * null when it has none.
     */
    public @Nullable String defaultIn(String command) {
        String own = defaults.get(command);
        return own != null ? own : defaultValue;
    }

    /**
     * A row is its name: the table names each once. Written out rather than left to the record, which would compare
     * every map and lambda, and whose generated comparison costs the command line's start a bootstrap.
     */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Setting<?> setting && setting.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * Starts the row of the setting {@code name}, which Maven, the command line, Spring Boot and Quarkus take by
     * default; Quarkus follows Spring Boot where the row says nothing of it.
     */
    public static <T> Builder<T> named(String name, SettingType<T> type) {
        return new Builder<>(name, type);
    }

    /** Whether {@code face} takes this setting. */
    public boolean takenBy(Face face) {
        return spellings.containsKey(face);
    }

    /**
     * The setting as a message names it on {@code face}: the plugin's parameter ({@code lockTimeout}), the command
     * line's option ({@code --lock-timeout}), the starter's property ({@code migrate.lock-timeout}); the plugin's
     * name on a face that does not take it.
     */
    public String spelled(Face face) {
        List<String> forms = spellings.get(face);
        return face == Face.MAVEN || face == Face.JAVA_API || forms == null ? name : forms.get(0);
    }

    /** A row of the table, written as it reads. */
    public static final class Builder<T> {
        private final String name;
        private final SettingType<T> type;
        private @Nullable String defaultValue;
        private Section section = Section.RUNNING;
        private final Map<Face, String> described = new EnumMap<>(Face.class);
        private final Map<Face, List<String>> spellings = new EnumMap<>(Face.class);
        private final Map<Face, String> absent = new EnumMap<>(Face.class);
        private @Nullable BiConsumer<Migrator.Builder, T> run;
        private final Map<String, String> defaults = new LinkedHashMap<>();
        private boolean quarkusDecided;

        private Builder(String name, SettingType<T> type) {
            this.name = Objects.requireNonNull(name, "name");
            this.type = Objects.requireNonNull(type, "type");
            spellings.put(Face.MAVEN, List.of("-Dmigrate." + name, "<" + element(name) + ">"));
            String dashed = Face.dashed(name);
            spellings.put(Face.COMMAND_LINE, List.of("--" + dashed.substring(dashed.lastIndexOf('.') + 1)));
            spellings.put(Face.SPRING_BOOT, List.of("migrate." + dashed));
            spellings.put(Face.QUARKUS, List.of("quarkus.migrate." + dashed));
            absent.put(Face.JAVA_API, "");
        }

        /** The section of the reference page that describes it. */
        public Builder<T> in(Section section) {
            this.section = section;
            return this;
        }

        /** Its value when none is given, as a user writes it. */
        public Builder<T> byDefault(String value) {
            this.defaultValue = value;
            return this;
        }

        /**
         * Its value when none is given, as a user writes it, for the commands whose default it is; the row's
         * {@link #byDefault} describes them all on the reference page.
         */
        public Builder<T> byDefaultIn(String value, String... commands) {
            for (String command : commands) {
                defaults.put(command, value);
            }
            return this;
        }

        /** How {@code face} spells it, in each form it takes, where that is not the usual. */
        public Builder<T> spelled(Face face, String... forms) {
            quarkusDecided |= face == Face.QUARKUS;
            spellings.put(face, List.of(forms));
            absent.remove(face);
            return this;
        }

        /** {@code face} does not take it, for the reason {@code why}, which the reference page gives. */
        public Builder<T> notIn(Face face, String why) {
            quarkusDecided |= face == Face.QUARKUS;
            spellings.remove(face);
            absent.put(face, why);
            return this;
        }

        /**
         * A setting of the run itself: what it sets on the engine's builder, and how the Java API spells that
         * ({@code builder.lockTimeout(Duration)}).
         */
        public Builder<T> runs(BiConsumer<Migrator.Builder, T> run, String... javaApi) {
            this.run = run;
            return javaApi.length == 0 ? this : spelled(Face.JAVA_API, javaApi);
        }

        /**
         * How {@code face} describes it in its own help, where the page's words would point elsewhere (the command
         * line's {@code --help}, which names its own options and none of Maven's).
         */
        public Builder<T> describedOn(Face face, String text) {
            described.put(face, text);
            return this;
        }

        /** Ends the row with what the setting does, as the reference page says it. */
        public Setting<T> documented(String doc) {
            String starterLacks = absent.get(Face.SPRING_BOOT);
            if (!quarkusDecided && starterLacks != null) {
                // the extension runs at startup as the starter does: it lacks what the starter lacks, for its reason
                spellings.remove(Face.QUARKUS);
                absent.put(Face.QUARKUS, "as in Spring Boot: " + starterLacks);
            }
            return new Setting<>(name, type, defaultValue, section, spellings, absent, doc, described, run, defaults);
        }

        /** The plugin's parameter of a dotted name: {@code drift.sqlFile} is {@code <driftSqlFile>}. */
        private static String element(String name) {
            String[] parts = name.split("\\.", -1);
            StringBuilder element = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                element.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
            return element.toString();
        }
    }
}

package dev.migrate.command;

import dev.migrate.text.Fixes;

/** How the test faces name a command and a setting: {@code test upgrade}, {@code --target head}. */
public final class TestFixes {
    public static final Fixes INSTANCE = new Fixes() {
        @Override
        public String command(String command) {
            return "test " + command;
        }

        @Override
        public String setting(String name, String value) {
            return "--" + name + " " + value;
        }
    };

    private TestFixes() {}
}

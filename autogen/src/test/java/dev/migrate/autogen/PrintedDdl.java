package dev.migrate.autogen;

import java.util.List;

/** DDL as a program prints it ({@code migrate.source=command}): the same statements each time, keyed by their text. */
final class PrintedDdl {
    private PrintedDdl() {}

    static EntityDdlSource of(List<String> ddl) {
        return new EntityDdlSource() {
            @Override
            public String key(int serverMajorVersion) {
                return String.join("\n", ddl);
            }

            @Override
            public List<String> generate(int serverMajorVersion) {
                return ddl;
            }
        };
    }
}

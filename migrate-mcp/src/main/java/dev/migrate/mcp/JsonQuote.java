package dev.migrate.mcp;

import dev.migrate.command.output.Json;
import dev.migrate.command.output.JsonWriter;

/** Text as a JSON string, quotes included. */
final class JsonQuote {
    private JsonQuote() {}

    static String of(String text) {
        return JsonWriter.write(Json.text(text));
    }
}

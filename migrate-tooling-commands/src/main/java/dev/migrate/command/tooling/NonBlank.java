package dev.migrate.command.tooling;

import java.util.List;

/** What a list setting holds once each value is stripped and the blank ones dropped, as faces hand lists over. */
final class NonBlank {
    private NonBlank() {}

    static List<String> of(List<String> values) {
        return values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}

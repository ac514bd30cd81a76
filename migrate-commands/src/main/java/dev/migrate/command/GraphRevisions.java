package dev.migrate.command;

import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the commands that show the revision graph share: the details of the revisions they list, for the JSON. */
final class GraphRevisions {
    private GraphRevisions() {}

    /** The details of the revisions {@code ids}, in their order, of {@code migrator}'s graph. */
    static List<RevisionDetails> details(Migrator migrator, List<String> ids) {
        Map<String, RevisionDetails> byId =
                migrator.revisions().stream().collect(Collectors.toMap(RevisionDetails::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}

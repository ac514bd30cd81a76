package dev.migrate.catalog.diff;

import dev.migrate.catalog.ForeignKey;
import dev.migrate.catalog.ObjectName;
import dev.migrate.catalog.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the comparers of one comparison share: its options, the op factory, the script being built. */
final class DiffContext {
    final SchemaDiff.Options options;
    final ModelOps ops;
    final ScriptBuilder script;
    /** The columns numbered by a sequence they own, on both sides. */
    final SerialColumns serials;
    /** Tables whose primary key is dropped and added again: foreign keys that point at it must let go first. */
    final Set<ObjectName> primaryKeyReplaced = new HashSet<>();
    /** Foreign keys written as one change in place, with the live key: split when they point at a replaced key. */
    final List<ChangedForeignKey> changedForeignKeys = new ArrayList<>();

    record ChangedForeignKey(Change change, Table table, ForeignKey live, ForeignKey wanted) {}

    DiffContext(SchemaDiff.Options options, ModelOps ops, ScriptBuilder script, SerialColumns serials) {
        this.options = options;
        this.ops = ops;
        this.script = script;
        this.serials = serials;
    }
}

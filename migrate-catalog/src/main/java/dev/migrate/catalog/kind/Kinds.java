package dev.migrate.catalog.kind;

import java.util.List;

/** Every kind of object beside tables the catalog reader reads. */
final class Kinds {
    static final List<KindReading> ALL = List.of(
            new Extensions(),
            new Collations(),
            new Domains(),
            new CompositeTypes(),
            new RangeTypes(),
            Routines.functions(),
            Routines.procedures(),
            new Aggregates(),
            new Views(),
            new MaterializedViews(),
            new Triggers(),
            new EventTriggers(),
            new Policies(),
            new Rules(),
            new Statistics(),
            new PartitionIndexes(),
            new PartitionConstraints(),
            new RowLevelSecurity(),
            new ColumnOptions(),
            new Grants(),
            new DefaultPrivileges());

    private Kinds() {}
}

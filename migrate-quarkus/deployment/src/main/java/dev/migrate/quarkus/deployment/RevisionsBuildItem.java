package dev.migrate.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The revisions the build found for each managed datasource, by class name, and the packages searched.
 *
 * <pre>{@code revisions.of("<default>")}</pre>
 */
public final class RevisionsBuildItem extends SimpleBuildItem {
    /**
     * One datasource's revisions.
     *
     * @param dataSource the datasource's name ({@code <default>} for the default one)
     * @param packages the packages searched, subpackages included
     * @param classes the revision classes found there, by name, sorted
     */
    public record DataSourceRevisions(String dataSource, List<String> packages, List<String> classes) {}

    private final Map<String, DataSourceRevisions> byDataSource;

    RevisionsBuildItem(Map<String, DataSourceRevisions> byDataSource) {
        this.byDataSource = Collections.unmodifiableMap(new LinkedHashMap<>(byDataSource));
    }

    /** Every managed datasource's revisions, by datasource name, the default datasource first. */
    public Map<String, DataSourceRevisions> byDataSource() {
        return byDataSource;
    }
}

package dev.migrate.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * {@code /actuator/migrate}: per application context and {@link MigrateStatus} bean, the database's current
 * revisions, the application's heads, the pending revisions, an online revision in its expand phase, the last
 * drift check and the history's last steps; for a fleet, a page of its tenants
 * ({@code /actuator/migrate?page=1&size=100}). Shaped as Spring Boot's {@code /actuator/flyway}: {@code
 * contexts.<id>.migrateBeans.<bean>}. Read-only: it writes nothing and takes no lock.
 *
 * <pre>{@code new MigrateEndpoint(applicationContext).migrate(null, null)}</pre>
 */
@Endpoint(id = "migrate")
public class MigrateEndpoint {
    private final ApplicationContext context;

    /** The endpoint over {@code context} and its parents: {@code new MigrateEndpoint(applicationContext)}. */
    public MigrateEndpoint(ApplicationContext context) {
        this.context = context;
    }

    /**
     * Every migrated database of every context: {@code endpoint.migrate(0, 50).contexts()}.
     *
     * @param page the page of a fleet's tenants, from 0 (default 0)
     * @param size how many tenants a page (default 50)
     * @return the report, as Boot's endpoints shape theirs
     */
    @ReadOperation
    public MigrateBeansDescriptor migrate(
            @org.springframework.lang.Nullable @Nullable Integer page,
            @org.springframework.lang.Nullable @Nullable Integer size) {
        Map<String, ContextMigrateBeansDescriptor> contexts = new LinkedHashMap<>();
        ApplicationContext target = context;
        while (target != null) {
            Map<String, MigrateStatus.Database> beans = new LinkedHashMap<>();
            for (Map.Entry<String, MigrateStatus> bean :
                    target.getBeansOfType(MigrateStatus.class, false, false).entrySet()) {
                beans.put(bean.getKey(), bean.getValue().database(page == null ? 0 : page, size == null ? 50 : size));
            }
            ApplicationContext parent = target.getParent();
            contexts.put(
                    target.getId(), new ContextMigrateBeansDescriptor(beans, parent == null ? null : parent.getId()));
            target = parent;
        }
        return new MigrateBeansDescriptor(contexts);
    }

    /**
     * The report: each application context by its id.
     *
     * @param contexts the contexts
     */
    public record MigrateBeansDescriptor(Map<String, ContextMigrateBeansDescriptor> contexts)
            implements OperationResponseBody {}

    /**
     * One application context.
     *
     * @param migrateBeans each {@link MigrateStatus} bean's database by the bean's name
     * @param parentId the parent context's id, or null
     */
    public record ContextMigrateBeansDescriptor(
            Map<String, MigrateStatus.Database> migrateBeans,
            @Nullable String parentId) {}
}

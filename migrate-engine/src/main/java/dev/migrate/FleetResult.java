package dev.migrate;

import java.time.Duration;
import java.util.List;

/**
 * What a fleet run did, one result per tenant in the fleet's order.
 *
 * <pre>{@code
 * FleetResult result = fleet.upgrade("head");
 * if (!result.succeeded()) {
 *     throw new IllegalStateException(result.failed().size() + " tenants failed");
 * }
 * }</pre>
 *
 * @param tenants one result per tenant
 * @param duration how long the whole run took
 */
public record FleetResult(List<TenantResult> tenants, Duration duration) {
    /** The results, copied: {@code new FleetResult(List.of(), Duration.ZERO)}. */
    public FleetResult {
        tenants = List.copyOf(tenants);
    }

    /**
     * The tenants with an outcome: {@code fleetResult.with(TenantResult.Outcome.MIGRATED).size()}.
     *
     * @param outcome the outcome to keep
     * @return those tenants, in the fleet's order
     */
    public List<TenantResult> with(TenantResult.Outcome outcome) {
        return tenants.stream().filter(t -> t.outcome() == outcome).toList();
    }

    /**
     * The tenants that failed: {@code fleetResult.failed().forEach(t -> System.err.println(t.tenant()))}.
     *
     * @return those tenants, in the fleet's order
     */
    public List<TenantResult> failed() {
        return with(TenantResult.Outcome.FAILED);
    }

    /**
     * Whether every tenant reached the target, none failed nor was left out: {@code if (!fleetResult.succeeded()) alert("fleet");}.
     *
     * @return true when no tenant failed or was not run
     */
    public boolean succeeded() {
        return tenants.stream()
                .allMatch(t ->
                        t.outcome() == TenantResult.Outcome.MIGRATED || t.outcome() == TenantResult.Outcome.UNCHANGED);
    }
}

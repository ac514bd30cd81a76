package dev.migrate;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a fleet run did to one tenant: a schema of the fleet's database, or a database of its own.
 *
 * <pre>{@code
 * for (TenantResult tenant : fleet.upgrade("head").failed()) {
 *     System.err.println(tenant.tenant() + ": " + tenant.error());
 * }
 * }</pre>
 *
 * @param tenant the tenant's name: its schema, its database ({@code host:port/database}), or both
 *     ({@code host:port/database/schema}) when the fleet spans several databases
 * @param outcome whether it changed, was already there, failed or was not run
 * @param before its version rows before the run, empty at base or when they could not be read
 * @param after its version rows after the run; for a failed tenant those it was left at, the steps
 *     before the failing one applied
 * @param steps the steps that ran and were recorded
 * @param duration how long its run took, from the first statement to the last
 * @param error why it failed or was not run, a full message that names the fix; null otherwise
 */
public record TenantResult(
        String tenant,
        Outcome outcome,
        List<String> before,
        List<String> after,
        List<AppliedStep> steps,
        Duration duration,
        @Nullable String error) {

    /**
     * The lists, copied: {@code new TenantResult("tenant_a", TenantResult.Outcome.UNCHANGED, List.of(), List.of(),
     * List.of(), Duration.ZERO, null)}.
     */
    public TenantResult {
        before = List.copyOf(before);
        after = List.copyOf(after);
        steps = List.copyOf(steps);
    }

    /** How a tenant's run ended: {@code if (tenant.outcome() == TenantResult.Outcome.FAILED) alert(tenant.tenant());} */
    public enum Outcome {
        /** Steps ran (or, for a stamp, its version rows moved): {@code if (tenant.outcome() == TenantResult.Outcome.MIGRATED) alert(tenant.tenant());} */
        MIGRATED,
        /** It was at the target already, nothing ran: {@code if (tenant.outcome() == TenantResult.Outcome.UNCHANGED) retryLater();} */
        UNCHANGED,
        /** Its run failed, {@link TenantResult#error()} says why: {@code if (tenant.outcome() == TenantResult.Outcome.FAILED) alert(tenant.error());} */
        FAILED,
        /**
         * It was not run, as the fleet stopped at a failure ({@code failFast}) or a canary failed:
         * {@code if (tenant.outcome() == TenantResult.Outcome.NOT_RUN) retryLater();}
         */
        NOT_RUN
    }
}

package dev.migrate.internal.fleet;

import dev.migrate.MigrationLog;
import dev.migrate.TenantResult;
import dev.migrate.internal.text.Elapsed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one piece of work per tenant on a pool of {@code parallel} threads, so that at most that
 * many tenants hold connections at once. A failure stops nobody else unless {@code failFast} says
 * so; the first {@code canary} tenants run first, and the others only when all of them succeeded.
 * Every progress interval a line says how many are done, running and failed, and which running
 * tenant is the slowest.
 *
 * @param parallel tenants at once, 1 or more
 * @param failFast leave the tenants not started yet unrun after the first failure
 * @param canary how many tenants run first, 0 for none
 * @param progressInterval the time between two progress lines; zero for none
 * @param log where the progress lines go
 */
public record FleetRunner(int parallel, boolean failFast, int canary, Duration progressInterval, MigrationLog log) {

    /** The results of {@code work} for each tenant, in the tenants' order; {@code work} never throws. */
    public List<TenantResult> run(List<Tenant> tenants, Function<Tenant, TenantResult> work) {
        TenantResult[] results = new TenantResult[tenants.size()];
        Map<String, Long> running = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(parallel, Math.max(1, tenants.size())), threads("migrate-fleet-", loader));
        ScheduledExecutorService reporter = progressInterval.isZero()
                ? null
                : Executors.newSingleThreadScheduledExecutor(threads("migrate-fleet-progress-", loader));
        if (reporter != null) {
            long every = progressInterval.toMillis();
            var unused = reporter.scheduleAtFixedRate(
                    () -> log.info(progress(tenants.size(), done.get(), failed.get(), running)),
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
        }
        try {
            int canaries = Math.min(canary, tenants.size());
            String notRun = null;
            for (int[] range : canaries > 0 && canaries < tenants.size()
                    ? List.of(new int[] {0, canaries}, new int[] {canaries, tenants.size()})
                    : List.of(new int[] {0, tenants.size()})) {
                if (notRun != null) {
                    for (int i = range[0]; i < range[1]; i++) {
                        results[i] = notRun(tenants.get(i), notRun);
                    }
                    continue;
                }
                List<Future<?>> futures = new ArrayList<>();
                for (int i = range[0]; i < range[1]; i++) {
                    int index = i;
                    Tenant tenant = tenants.get(i);
                    futures.add(pool.submit(() -> {
                        if (stop.get()) {
                            results[index] = notRun(
                                    tenant,
                                    "Not run: the fleet stopped at the first failure "
                                            + "(failFast). Run again to migrate it, or set failFast=false to go on past failures.");
                            return;
                        }
                        running.put(tenant.name(), System.nanoTime());
                        TenantResult result;
                        try {
                            result = work.apply(tenant);
                        } catch (RuntimeException e) {
                            // work reports its tenant's failures; anything else still fails this tenant alone
                            result = new TenantResult(
                                    tenant.name(),
                                    TenantResult.Outcome.FAILED,
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    Duration.ZERO,
                                    e.getMessage() == null ? e.toString() : e.getMessage());
                        } finally {
                            running.remove(tenant.name());
                        }
                        results[index] = result;
                        if (result.outcome() == TenantResult.Outcome.FAILED) {
                            failed.incrementAndGet();
                            if (failFast) {
                                stop.set(true);
                            }
                        }
                        done.incrementAndGet();
                    }));
                }
                waitFor(futures);
                if (canaries > 0 && range[0] == 0 && range[1] == canaries) {
                    long canaryFailures = java.util.Arrays.stream(results, 0, canaries)
                            .filter(r -> r.outcome() != TenantResult.Outcome.MIGRATED
                                    && r.outcome() != TenantResult.Outcome.UNCHANGED)
                            .count();
                    if (canaryFailures > 0) {
                        notRun = "Not run: " + canaryFailures + " of the " + canaries + " canary tenant"
                                + (canaries == 1 ? "" : "s") + " failed, so the fleet stopped after them. Fix "
                                + (canaryFailures == 1 ? "it" : "them") + " and run again.";
                    } else {
                        log.info("The " + canaries + " canary tenant" + (canaries == 1 ? " is" : "s are")
                                + " done; migrating the other " + (tenants.size() - canaries) + ".");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            if (reporter != null) {
                reporter.shutdownNow();
            }
        }
        return List.of(results);
    }

    private static void waitFor(List<Future<?>> futures) {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new dev.migrate.MigrateException("Interrupted while the fleet was running.", e);
            } catch (ExecutionException e) {
                // work never throws; an Error (out of memory) is passed on as it is
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private static TenantResult notRun(Tenant tenant, String why) {
        return new TenantResult(
                tenant.name(), TenantResult.Outcome.NOT_RUN, List.of(), List.of(), List.of(), Duration.ZERO, why);
    }

    /** {@code Fleet: 340 of 1000 tenants done (2 failed), 8 running; the slowest, tenant_0042, for 12 s.} */
    static String progress(int total, int done, int failed, Map<String, Long> running) {
        long now = System.nanoTime();
        Optional<Map.Entry<String, Long>> slowest =
                running.entrySet().stream().min(Comparator.comparingLong(Map.Entry::getValue));
        return "Fleet: " + done + " of " + total + " tenants done (" + failed + " failed), " + running.size()
                + " running"
                + slowest.map(e -> "; the slowest, " + e.getKey() + ", for "
                                + Elapsed.roughly(Duration.ofNanos(now - e.getValue())))
                        .orElse("")
                + ".";
    }

    /** Daemon threads named {@code <prefix><n>} with {@code loader} as their context class loader. */
    static ThreadFactory threads(String prefix, ClassLoader loader) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader); // migrations may look up resources through it
            return thread;
        };
    }
}

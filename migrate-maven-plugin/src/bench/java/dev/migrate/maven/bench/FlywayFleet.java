package dev.migrate.maven.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * Flyway 11 migrating every tenant schema from one JVM, the loop teams write by hand: one Flyway per
 * schema, one after another or on a pool of threads. Beside the fleet's figures in the whole-process
 * benchmark, which starts it as a process of its own; not part of the product.
 *
 * <p>Arguments: the JDBC URL, the user, the directory of the {@code V<n>__*.sql} files, the number of
 * threads, the number of tenants ({@code tenant_0001} and on); the password in {@code BENCH_PASSWORD}.
 */
public final class FlywayFleet {
    private FlywayFleet() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String location = "filesystem:" + args[2];
        int threads = Integer.parseInt(args[3]);
        int tenants = Integer.parseInt(args[4]);
        String password = System.getenv("BENCH_PASSWORD");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> runs = new ArrayList<>();
        for (int i = 1; i <= tenants; i++) {
            String schema = String.format(Locale.ROOT, "tenant_%04d", i);
            runs.add(pool.submit(() -> Flyway.configure()
                    .dataSource(url, user, password)
                    .schemas(schema)
                    .locations(location)
                    .load()
                    .migrate()));
        }
        int failed = 0;
        for (Future<?> run : runs) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException e) {
                failed++;
                e.getCause().printStackTrace();
            }
        }
        pool.shutdown();
        if (failed > 0) {
            System.err.println(failed + " of " + tenants + " tenants failed");
            System.exit(1);
        }
    }
}

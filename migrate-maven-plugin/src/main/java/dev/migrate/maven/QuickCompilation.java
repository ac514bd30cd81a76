package dev.migrate.maven;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.maven.plugin.logging.Log;
import org.jspecify.annotations.Nullable;

/**
 * While a comparison runs in Maven's JVM, asks HotSpot to leave its optimizing compiler (C2) out, by a
 * compiler directive ({@code jcmd Compiler.directives_add}), as {@code -XX:TieredStopAtLevel=1} does
 * for a whole JVM. A comparison lasts seconds: C2 spends more processor time compiling the JPA
 * provider's, the driver's and the JDK's methods than its code saves in that time, on the same cores
 * the provider and the throwaway server need (a cold {@code check} of 2,000 entities: 10.7 to 11.7 s
 * of processor time with C2, 7.2 to 7.9 s without).
 *
 * <p>The directive is added on a thread of its own: the platform's management server it goes through takes
 * 0.12 to 0.13 s to start in a fresh JVM, which the goal does not wait for (C2 compiles nothing of the goal's
 * in its first tenth of a second). It is removed when this closes: what compiles later in the build gets C2
 * again. A method compiled while it was in force keeps the simpler code, as under {@code TieredStopAtLevel=1}.
 * On a JVM without compiler directives (not HotSpot), nothing changes.
 */
final class QuickCompilation implements AutoCloseable {
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private final Thread adding;
    private volatile @Nullable MBeanServer server;

    private QuickCompilation(Log log) {
        this.adding = new Thread(() -> add(log), "migrate-quick-compilation");
        adding.setDaemon(true);
    }

    /** Starts adding the directive; where the JVM does not take it, nothing changes (said at debug level). */
    static QuickCompilation start(Log log) {
        QuickCompilation compilation = new QuickCompilation(log);
        compilation.adding.start();
        return compilation;
    }

    /** Waits until the directive is in force, or known not to be taken; whether it is. */
    boolean awaitInForce() {
        try {
            adding.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return server != null;
    }

    private void add(Log log) {
        Path file = null;
        try {
            file = Files.createTempFile("migrate-compiler-directive", ".json");
            Files.writeString(file, DIRECTIVE);
            MBeanServer platform = ManagementFactory.getPlatformMBeanServer();
            Object added = run(platform, "compilerDirectivesAdd", file.toString());
            if (String.valueOf(added).startsWith("1 ")) {
                server = platform;
            } else {
                log.debug("The JVM did not take the compiler directive: " + added);
            }
        } catch (IOException | JMException | RuntimeException e) {
            log.debug("The JVM has no compiler directives (" + e + "): C2 compiles as usual.");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.debug("Could not delete " + file + ": " + e);
                }
            }
        }
    }

    @Override
    public void close() {
        MBeanServer added = awaitInForce() ? server : null;
        if (added == null) {
            return;
        }
        try {
            run(added, "compilerDirectivesRemove");
        } catch (JMException e) {
            // the JVM took the directive, so it takes its removal; if not, only this JVM's speed is at stake
        }
    }

    private static Object run(MBeanServer server, String command, String... arguments) throws JMException {
        return server.invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"),
                command,
                new Object[] {arguments},
                new String[] {String[].class.getName()});
    }
}

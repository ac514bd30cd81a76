package dev.migrate.tooling;

import dev.migrate.internal.runtime.script.RecordedUpgrades;

/**
 * While open, the upgrades a chain records (to check its checksums, to find the extensions its replay needs) are
 * carried to the next chains this process builds: a chain whose migration runs the same code (its class file and the
 * project's classes it reaches, byte for byte) takes its recording instead of recording it again. For a process that
 * loads the project's classes anew again and again, as a watch's cycles do.
 *
 * <pre>{@code
 * try (CarriedRecordings carried = CarriedRecordings.open()) {
 *     // cycles; on a changed resource the migrations might read:
 *     carried.forget();
 * }
 * }</pre>
 */
public final class CarriedRecordings implements AutoCloseable {
    private boolean closed;

    private CarriedRecordings() {
        RecordedUpgrades.carry();
    }

    /** Starts carrying the recordings of the chains built from now on. */
    public static CarriedRecordings open() {
        return new CarriedRecordings();
    }

    /** Forgets what was carried: a file a migration might read besides its classes changed. */
    public void forget() {
        RecordedUpgrades.forgetCarried();
    }

    /** Stops carrying; what was carried is forgotten once no other is open. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            RecordedUpgrades.endCarrying();
        }
    }
}

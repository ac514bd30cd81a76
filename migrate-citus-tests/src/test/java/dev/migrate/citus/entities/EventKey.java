package dev.migrate.citus.entities;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The key of an event: its device, the distribution column, and when it happened. */
public class EventKey implements Serializable {
    private static final long serialVersionUID = 1L;

    Long deviceId;
    Instant at;

    @Override
    public boolean equals(Object o) {
        return o instanceof EventKey k && Objects.equals(deviceId, k.deviceId) && Objects.equals(at, k.at);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, at);
    }
}

package dev.migrate.autogen.write;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Predicate;

/** New revision ids: the current UTC time as {@code yyyyMMdd_HHmmss}, one second later while that id is taken. */
public final class RevisionIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private RevisionIds() {}

    public static String next(Clock clock, Predicate<String> taken) {
        LocalDateTime time = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
        String id = FORMAT.format(time);
        while (taken.test(id)) {
            time = time.plusSeconds(1);
            id = FORMAT.format(time);
        }
        return id;
    }
}

package dev.migrate.command.output;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The one JSON document a command prints with {@code --json} or {@code -Dmigrate.output=json}: the schema's name
 * and version, the command, how it ended, what it did and why it failed:
 *
 * <pre>{@code
 * String json = OutputDocument.of("upgrade", result, null).text();
 * }</pre>
 *
 * @param command the command, as the command line names it ({@code upgrade}) and the goal ({@code migrate:upgrade})
 * @param status how it ended
 * @param result what it did, in the command's shape; null when it failed before it knew, or has no result
 * @param error why it failed; null when it did not
 */
public record OutputDocument(
        String command,
        Status status,
        @Nullable CommandResult result,
        @Nullable Failure error) {
    /** The schema's name and version: a later {@code migrate-output/1} only adds fields. */
    public static final String SCHEMA = "migrate-output/1";

    /** How the command ended. Each but {@link #OK} and {@link #SKIPPED} comes with a non-zero exit, a failed goal. */
    public enum Status {
        /** It did its work, and found nothing that fails it. */
        OK,
        /** It compared, and found what it guards against: differences, drift, lint findings. */
        DIFFERENCES,
        /** It could not do its work: the error says why and what to do. */
        FAILED,
        /** The goal was skipped ({@code -Dmigrate.skip}): nothing ran. */
        SKIPPED;

        /** As the document spells it: {@code ok}. */
        public String spelled() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Why a command failed.
     *
     * @param message the message, which names the object and the fix, as the log prints it
     * @param type the class of the exception, such as {@code dev.migrate.NotAtHeadException}
     */
    public record Failure(String message, String type) {
        public Failure {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(type, "type");
        }
    }

    public OutputDocument {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The document of a command that ended as {@code failure} says: {@code ok} without one, {@code differences}
     * when {@code result} found what failed it, {@code failed} otherwise.
     */
    public static OutputDocument of(String command, @Nullable CommandResult result, @Nullable Throwable failure) {
        if (failure == null) {
            return new OutputDocument(command, Status.OK, result, null);
        }
        return new OutputDocument(
                command,
                result != null && result.foundDifferences() ? Status.DIFFERENCES : Status.FAILED,
                result,
                new Failure(
                        failure.getMessage() == null ? failure.toString() : failure.getMessage(),
                        failure.getClass().getName()));
    }

    /** The document of a skipped goal. */
    public static OutputDocument skipped(String command) {
        return new OutputDocument(command, Status.SKIPPED, null, null);
    }

    public Json.Obj json() {
        return Json.object()
                .with("schema", Json.text(SCHEMA))
                .with("command", Json.text(command))
                .with("status", Json.text(status.spelled()))
                .with("result", result == null ? Json.Null.NULL : result.json())
                .with(
                        "error",
                        error == null
                                ? Json.Null.NULL
                                : Json.object()
                                        .with("message", Json.text(error.message()))
                                        .with("type", Json.text(error.type())));
    }

    /** The document as JSON text, with a line end after it. */
    public String text() {
        return JsonWriter.write(json()) + "\n";
    }
}

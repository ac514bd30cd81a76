package dev.migrate.cli;

/**
 * A command line that cannot run as written: an unknown command or option, a missing or malformed
 * value. Refused with exit code 2 before anything reads the migrations or connects.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

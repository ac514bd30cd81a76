package dev.migrate.command.lint;

import dev.migrate.BadTargetException;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.RevisionDetails;
import dev.migrate.command.run.MigrationSources;
import dev.migrate.tooling.MigratorTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The point after which the lint judges migrations ({@code -Dmigrate.lintSince}): a revision (what
 * was added after it) or a git ref (the migrations whose source files differ from the merge base
 * with it, uncommitted ones included). In a GitHub pull-request build ({@code GITHUB_BASE_REF} set)
 * it defaults to {@code origin/$GITHUB_BASE_REF}; {@code base} judges every migration.
 */
public final class LintSince {
    private final @Nullable String since; // null: every migration
    private final String origin;

    private LintSince(@Nullable String since, String origin) {
        this.since = since;
        this.origin = origin;
    }

    /** The setting, or the pull request's base branch when it is unset and {@code GITHUB_BASE_REF} is set. */
    public static LintSince of(@Nullable String setting, Map<String, String> environment) {
        if (setting != null && !setting.isBlank()) {
            String value = setting.trim();
            return new LintSince("base".equals(value) ? null : value, "-Dmigrate.lintSince");
        }
        String baseRef = environment.get("GITHUB_BASE_REF");
        if (baseRef != null && !baseRef.isBlank()) {
            return new LintSince("origin/" + baseRef.trim(), "GITHUB_BASE_REF");
        }
        return new LintSince(null, "");
    }

    /**
     * The revisions to judge, or empty to judge all of them.
     *
     * @param log where the choice is announced
     */
    public Optional<Set<String>> judged(
            Migrator chain, MigrationSources sources, Path projectDirectory, Consumer<String> log) {
        String since = this.since;
        if (since == null) {
            return Optional.empty();
        }
        Optional<List<String>> afterRevision = afterRevision(chain, since);
        if (afterRevision.isPresent()) {
            log.accept("Judging only the migrations added after revision " + since + " (from " + origin + "): "
                    + describe(afterRevision.get()) + "; the others replay without findings.");
            return Optional.of(Set.copyOf(afterRevision.get()));
        }
        Set<Path> changed = changedSince(since, projectDirectory);
        List<String> judged = new ArrayList<>();
        for (RevisionDetails revision : chain.revisions()) {
            Optional<Path> file = sources.find(revision.migrationClass());
            if (file.isPresent() && changed.contains(file.get().toAbsolutePath().normalize())) {
                judged.add(revision.id());
            }
        }
        log.accept("Judging only the migrations whose source files differ from the merge base with " + since + " (from "
                + origin + "): " + describe(judged) + "; the others replay without findings.");
        return Optional.of(Set.copyOf(judged));
    }

    private static String describe(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    private static Optional<List<String>> afterRevision(Migrator chain, String since) {
        try {
            return Optional.of(MigratorTools.of(chain).addedAfter(since));
        } catch (BadTargetException e) {
            return Optional.empty(); // not a revision: a git ref
        }
    }

    /** The files, absolute, that differ between the working tree and the merge base of HEAD and {@code since}. */
    private Set<Path> changedSince(String since, Path projectDirectory) {
        String top = git(projectDirectory, "rev-parse", "--show-toplevel")
                .orElseThrow(() -> new MigrateException("-Dmigrate.lintSince=" + since + " (from " + origin
                        + ") is neither a revision of the chain nor usable as a git ref: " + projectDirectory
                        + " is not inside a git repository (or git is not on the PATH). Give a revision id, "
                        + "or base to lint every migration."))
                .get(0);
        Path root = Path.of(top);
        if (git(root, "rev-parse", "--verify", "--quiet", since + "^{commit}").isEmpty()) {
            throw new MigrateException("-Dmigrate.lintSince=" + since + " (from " + origin + ") is neither a revision"
                    + " of the chain nor a git ref this repository knows. Fetch it (in CI: a checkout with the full "
                    + "history, such as fetch-depth: 0), or give a revision id, or base to lint every migration.");
        }
        String mergeBase = git(root, "merge-base", "HEAD", since)
                .orElseThrow(() -> new MigrateException("HEAD and " + since + " have no common commit in " + root
                        + " (a shallow clone?). Fetch the whole history (in CI: fetch-depth: 0), or give a "
                        + "revision id with -Dmigrate.lintSince."))
                .get(0);
        Set<Path> changed = new HashSet<>();
        List<String> names = new ArrayList<>();
        names.addAll(git(root, "diff", "--name-only", "--no-renames", mergeBase).orElse(List.of()));
        names.addAll(git(root, "ls-files", "--others", "--exclude-standard", "--full-name")
                .orElse(List.of()));
        for (String name : names) {
            changed.add(root.resolve(name).toAbsolutePath().normalize());
        }
        return changed;
    }

    /** The lines git prints, or empty when it fails or is not there. */
    private static Optional<List<String>> git(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroy();
                return Optional.empty();
            }
            return Optional.of(out.lines().filter(l -> !l.isBlank()).toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrateException("Interrupted while asking git which files changed.", e);
        }
    }
}

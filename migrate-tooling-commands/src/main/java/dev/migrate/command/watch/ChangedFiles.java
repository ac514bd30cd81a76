package dev.migrate.command.watch;

import dev.migrate.MigrateException;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The files that changed under some directories, each burst taken as one change: a compiler writes many class
 * files one after another, so a change is handed over only once nothing more has changed for the debounce time.
 * Directories made later (a new package) are watched from the moment they appear; a watched directory that does
 * not exist yet is watched once it does.
 */
final class ChangedFiles implements AutoCloseable {
    private final List<Path> roots;
    private final Duration debounce;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new HashMap<>();

    ChangedFiles(List<Path> roots, Duration debounce) {
        this.roots = List.copyOf(roots);
        this.debounce = debounce;
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new MigrateException("Could not watch the files of the project: " + e.getMessage(), e);
        }
        roots.forEach(this::register);
    }

    /**
     * The files changed in the next burst, once it has settled; empty when {@code timeout} passed without a
     * change or the watch was closed meanwhile.
     */
    Set<Path> next(Duration timeout) throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        WatchKey key;
        try {
            key = service.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (key != null) {
                take(key, changed);
                // the burst goes on while files keep changing within the debounce time
                key = service.poll(debounce.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ClosedWatchServiceException e) {
            return Set.of();
        }
        registerMissingRoots();
        return changed;
    }

    private void take(WatchKey key, Set<Path> changed) {
        Path directory = directories.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW || directory == null) {
                changed.addAll(roots); // too many to tell apart: the roots stand for them
                continue;
            }
            Path file = directory.resolve((Path) event.context());
            changed.add(file);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(file)) {
                register(file); // a new package: its files too, those written before this line included
                try (Stream<Path> inside = Files.walk(file)) {
                    inside.forEach(changed::add);
                } catch (IOException e) {
                    // deleted again meanwhile: the next burst says so
                }
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    private void registerMissingRoots() {
        for (Path root : roots) {
            if (Files.isDirectory(root) && !directories.containsValue(root)) {
                register(root);
            }
        }
    }

    private void register(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path directory : tree.filter(Files::isDirectory).toList()) {
                directories.put(
                        directory.register(
                                service,
                                StandardWatchEventKinds.ENTRY_CREATE,
                                StandardWatchEventKinds.ENTRY_MODIFY,
                                StandardWatchEventKinds.ENTRY_DELETE),
                        directory);
            }
        } catch (IOException e) {
            throw new MigrateException(
                    "Could not watch " + root + " for changes: " + e.getMessage()
                            + ". Check that the directory is readable.",
                    e);
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing is watched any more either way
        }
    }
}

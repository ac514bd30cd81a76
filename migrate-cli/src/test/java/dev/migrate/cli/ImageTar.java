package dev.migrate.cli;

import dev.migrate.command.output.Json;
import dev.migrate.command.output.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A container image as {@code jib:buildTar} writes it (Docker's {@code docker save} layout): {@code manifest.json}
 * naming the config and the layers, each layer a gzipped tar. Reads the entry point and the arguments of the
 * config, and unpacks the layers in order into a directory, as a container's root file system.
 *
 * @param files each file of the outer tar by its name
 */
record ImageTar(Map<String, byte[]> files) {

    static ImageTar read(Path tar) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            return new ImageTar(entries(in));
        }
    }

    /** The manifest's one image. */
    private Json.Obj manifest() {
        Json manifest = JsonReader.read(text("manifest.json"));
        return (Json.Obj) ((Json.Array) manifest).items().get(0);
    }

    /** The image's config: its {@code config} member, where the entry point is. */
    private Json.Obj config() {
        String name = ((Json.Text) member(manifest(), "Config")).value();
        Json.Obj document = (Json.Obj) JsonReader.read(text(name));
        return (Json.Obj) member(document, "config");
    }

    List<String> entrypoint() {
        return strings(config().members().get("Entrypoint"));
    }

    List<String> arguments() {
        return strings(config().members().get("Cmd"));
    }

    String workingDirectory() {
        Json directory = config().members().get("WorkingDir");
        return directory instanceof Json.Text text ? text.value() : "/";
    }

    /** The image's tags, such as {@code migrate-cli:0.1.0}. */
    List<String> tags() {
        return strings(manifest().members().get("RepoTags"));
    }

    /** Unpacks every layer, in order, into {@code root}; returns the files written, as paths in the image. */
    List<String> unpack(Path root) throws IOException {
        List<String> written = new ArrayList<>();
        for (Json layer : ((Json.Array) member(manifest(), "Layers")).items()) {
            byte[] gzipped = file(((Json.Text) layer).value());
            Map<String, byte[]> entries;
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                entries = entries(in);
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                Path target = root.resolve(strip(entry.getKey())).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("A layer's entry leaves the root: " + entry.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, entry.getValue());
                written.add("/" + strip(entry.getKey()));
            }
        }
        return written;
    }

    private static Json member(Json.Obj object, String name) {
        Json value = object.members().get(name);
        if (value == null) {
            throw new IllegalStateException(
                    "The image's JSON has no " + name + ": " + object.members().keySet());
        }
        return value;
    }

    private static String strip(String name) {
        String path = name.startsWith("./") ? name.substring(2) : name;
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private String text(String name) {
        return new String(file(name), StandardCharsets.UTF_8);
    }

    private byte[] file(String name) {
        byte[] content = files.get(name);
        if (content == null) {
            throw new IllegalStateException("The image tar has no " + name + "; it has " + files.keySet());
        }
        return content;
    }

    private static List<String> strings(@Nullable Json value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof Json.Array array) {
            for (Json item : array.items()) {
                strings.add(((Json.Text) item).value());
            }
        }
        return strings;
    }

    /**
     * The regular files of a tar stream by name: ustar headers, a PAX header's {@code path} and GNU's long names;
     * directories and links are left out (the layers here hold regular files).
     */
    private static Map<String, byte[]> entries(InputStream in) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        @Nullable String longName = null;
        while (true) {
            byte[] header = in.readNBytes(512);
            if (header.length < 512 || header[0] == 0) {
                return entries;
            }
            String name = field(header, 0, 100);
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            String octal = field(header, 124, 12).strip();
            long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
            byte type = header[156];
            byte[] content = in.readNBytes((int) size);
            in.readNBytes((int) ((512 - size % 512) % 512));
            if (type == 'x') {
                for (String record : new String(content, StandardCharsets.UTF_8).split("\n", -1)) {
                    int path = record.indexOf(" path=");
                    if (path >= 0) {
                        longName = record.substring(path + 6);
                    }
                }
            } else if (type == 'L') {
                longName = new String(content, StandardCharsets.UTF_8).replace("\0", "");
            } else {
                if (type == '0' || type == 0) {
                    entries.put(longName != null ? longName : name, content);
                }
                longName = null;
            }
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}

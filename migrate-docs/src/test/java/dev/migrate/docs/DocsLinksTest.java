package dev.migrate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every internal link of the manual resolves: a relative link names a file or directory that exists, and
 * its {@code #anchor} (or a bare {@code #anchor}) names a heading or an {@code <a id>} of that Markdown
 * file, slugged as GitHub slugs headings.
 */
class DocsLinksTest {
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.*)$");
    private static final Pattern EXPLICIT = Pattern.compile("<a id=\"([^\"]+)\"");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    @Test
    void everyInternalLinkResolves() {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path file : Manual.files()) {
            List<String> lines = Manual.prose(Manual.read(file));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(CODE_SPAN.matcher(lines.get(i)).replaceAll(""));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue;
                    }
                    checked++;
                    int hash = target.indexOf('#');
                    String path = hash < 0 ? target : target.substring(0, hash);
                    Path resolved = path.isEmpty()
                            ? file
                            : file.getParent().resolve(path).normalize();
                    String where = Manual.ROOT.relativize(file) + ":" + (i + 1) + ": " + target;
                    if (!Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                    } else if (hash >= 0) {
                        String anchor = target.substring(hash + 1);
                        if (!resolved.toString().endsWith(".md")
                                || !anchors.computeIfAbsent(resolved, f -> anchors(Manual.read(f)))
                                        .contains(anchor)) {
                            broken.add(where + " (no such anchor)");
                        }
                    }
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(100);
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void slugsAreGitHubs() {
        assertThat(anchors("## Lock-safe migrations (`-Dmigrate.safe=true`)\n## Drift\n## Drift\n"))
                .containsExactlyInAnyOrder("lock-safe-migrations--dmigratesafetrue", "drift", "drift-1");
    }

    /** The anchors of a Markdown file: its headings slugged as GitHub does, and explicit {@code <a id>}. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : Manual.prose(markdown)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? slug : slug + "-" + n);
            }
            Matcher explicit = EXPLICIT.matcher(line);
            while (explicit.find()) {
                anchors.add(explicit.group(1));
            }
        }
        return anchors;
    }

    static String slug(String heading) {
        return heading.replaceAll("<[^>]+>", "")
                .strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                .replace(' ', '-');
    }
}

package dev.migrate.autogen.bench;

import static dev.migrate.testing.ClassLocations.location;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Writes and compiles a chain of JPA entities for the autogenerate benchmark: entity {@code E<i>}
 * maps table {@code t<i>} with an identity key, 9 more columns of mixed types, an index, a unique
 * constraint and (from the second table on) a {@code @ManyToOne} to the previous entity.
 */
final class EntitySources {
    static final String PACKAGE = "bench.model";

    private EntitySources() {}

    /** The source of entity {@code i}. */
    static String source(int i) {
        String parent = i == 0
                ? "    @Column(name = \"parent_id\")\n    private Long parentId;\n"
                : "    @ManyToOne(fetch = FetchType.LAZY)\n"
                        + "    @JoinColumn(name = \"parent_id\", foreignKey = @ForeignKey(name = \"t" + i
                        + "_parent_fk\"))\n"
                        + "    private E" + (i - 1) + " parent;\n";
        return "package " + PACKAGE + ";\n\n"
                + "import jakarta.persistence.*;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.time.LocalDate;\n"
                + "import java.time.OffsetDateTime;\n\n"
                + "@Entity\n"
                + "@Table(name = \"t" + i + "\",\n"
                + "        indexes = @Index(name = \"t" + i + "_created_idx\", columnList = \"created_at\"),\n"
                + "        uniqueConstraints = @UniqueConstraint(name = \"t" + i
                + "_code_key\", columnNames = \"code\"))\n"
                + "public class E" + i + " {\n"
                + "    @Id\n"
                + "    @GeneratedValue(strategy = GenerationType.IDENTITY)\n"
                + "    private Long id;\n"
                + "    @Column(name = \"code\", length = 40, nullable = false)\n"
                + "    private String code;\n"
                + "    @Column(name = \"name\", length = 200)\n"
                + "    private String name;\n"
                + "    @Column(name = \"amount\", precision = 12, scale = 2)\n"
                + "    private BigDecimal amount;\n"
                + "    @Column(name = \"quantity\", nullable = false)\n"
                + "    private int quantity;\n"
                + "    @Column(name = \"active\", nullable = false)\n"
                + "    private boolean active;\n"
                + "    @Column(name = \"created_at\", nullable = false)\n"
                + "    private OffsetDateTime createdAt;\n"
                + "    @Column(name = \"due_on\")\n"
                + "    private LocalDate dueOn;\n"
                + "    @Column(name = \"ratio\")\n"
                + "    private Double ratio;\n"
                + parent
                + "}\n";
    }

    /** Writes entities {@code 0..count-1} under {@code root/src} and compiles them into {@code root/classes}. */
    static Path compile(Path root, int count) throws IOException {
        Path sources = root.resolve("src").resolve(PACKAGE.replace('.', File.separatorChar));
        Path classes = root.resolve("classes");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        List<File> files = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Path file = sources.resolve("E" + i + ".java");
            Files.writeString(file, source(i));
            files.add(file.toFile());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No Java compiler: run the benchmark on a JDK");
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files2 = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files2.getJavaFileObjectsFromFiles(files);
            List<String> options = List.of(
                    "-d",
                    classes.toString(),
                    "-classpath",
                    compileClasspath(),
                    "-proc:none",
                    "-nowarn",
                    "-g:none",
                    "--release",
                    "17");
            Boolean ok = javac.getTask(diagnostics, files2, null, options, null, units)
                    .call();
            if (!ok) {
                throw new IllegalStateException("The generated entities did not compile:\n" + diagnostics);
            }
        }
        return classes;
    }

    /**
     * The jakarta.persistence and Hibernate jars of the current class path. Found through the
     * classes' code sources, since under {@code exec:java} {@code java.class.path} is Maven's own.
     */
    private static String compileClasspath() {
        Set<String> entries = new LinkedHashSet<>();
        entries.add(location(jakarta.persistence.Entity.class).toString());
        entries.add(location(org.hibernate.Session.class).toString());
        return String.join(File.pathSeparator, entries);
    }
}

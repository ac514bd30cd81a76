package dev.migrate.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.Migrator;
import dev.migrate.command.settings.Face;
import dev.migrate.command.settings.Section;
import dev.migrate.command.settings.Setting;
import dev.migrate.command.settings.SettingsTable;
import dev.migrate.command.settings.TakenSettings;
import dev.migrate.mcp.UserCommands;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/reference/settings.md against the code. Its sections of settings are written from {@link SettingsTable}: this
 * test renders them, fails while the page says otherwise, and writes them when {@code -Dmigrate.regenerate=true} is
 * given. And every parameter of the plugin's goals (its descriptor), option of the command line ({@code CliOption}),
 * property of the starter (its configuration metadata) and setter of {@code Migrator.Builder} is documented there
 * with that spelling, and nothing documented there is missing from the code: so the faces take what the table says.
 */
class SettingsReferenceTest {
    private static final Path PAGE = Manual.ROOT.resolve("docs/reference/settings.md");
    private static final String HEADER = "| Maven | command line | Spring Boot | Quarkus | Java API |";
    private static final String BEGIN = "<!-- Generated from SettingsTable by SettingsReferenceTest"
            + " (-Dmigrate.regenerate=true): edit the table, not this part. -->\n\n";
    private static final String END = "<!-- End of the part generated from SettingsTable. -->\n";

    private static final Set<String> documentedProperties = new TreeSet<>();
    private static final Set<String> documentedElements = new TreeSet<>();
    private static final Set<String> documentedOptions = new TreeSet<>();
    private static final Set<String> documentedSpring = new TreeSet<>();
    private static final Set<String> documentedBuilder = new TreeSet<>();

    @BeforeAll
    static void readTheReference() throws Exception {
        if (Boolean.getBoolean("migrate.regenerate")) {
            String page = Manual.read(PAGE);
            int begin = page.indexOf(BEGIN) + BEGIN.length();
            int end = page.indexOf(END);
            assertThat(end).as("%s holds %s, then %s", PAGE, BEGIN, END).isGreaterThanOrEqualTo(begin);
            Files.writeString(
                    PAGE,
                    page.substring(0, begin) + render(commandLineCommands()) + page.substring(end),
                    StandardCharsets.UTF_8);
        }
        List<String> lines = Manual.prose(Manual.read(PAGE));
        for (int i = 0; i + 2 < lines.size(); i++) {
            if (!lines.get(i).strip().equals(HEADER)) {
                continue;
            }
            String[] cells = lines.get(i + 2).strip().split("\\|", -1);
            assertThat(cells).as("the spellings row after line %d", i + 1).hasSize(7);
            collect(cells[1], "`-Dmigrate\\.([\\w.]+)`", documentedProperties, "migrate.");
            collect(cells[1], "`<(\\w+)>`", documentedElements, "");
            collect(cells[2], "`--([a-z][a-z-]*)`", documentedOptions, "");
            collect(cells[3], "`(migrate\\.[a-z][a-z.-]*)`", documentedSpring, "");
            collect(cells[5], "`builder\\.(\\w+)\\(", documentedBuilder, "");
        }
        assertThat(documentedElements).as("settings found in settings.md").hasSizeGreaterThan(50);
    }

    private static void collect(String cell, String regex, Set<String> into, String prefix) {
        Matcher m = Pattern.compile(regex).matcher(cell);
        while (m.find()) {
            into.add(prefix + m.group(1));
        }
    }

    @Test
    void theSectionsOfSettingsAreWrittenFromTheTable() throws Exception {
        String page = Manual.read(PAGE);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin)
                .as("the generated part of %s begins with %s", PAGE, BEGIN)
                .isNotNegative();
        assertThat(end).as("and ends with %s", END).isGreaterThan(begin);
        String expected = render(commandLineCommands());
        assertThat(page.substring(begin + BEGIN.length(), page.indexOf(END)))
                .as(
                        "%s is written from SettingsTable: run mvn test -pl migrate-docs -Dtest=SettingsReferenceTest"
                                + " -Dmigrate.regenerate=true",
                        PAGE)
                .isEqualTo(expected);
    }

    @Test
    void theDatabaseGoalsAreTheTables() {
        String line = Manual.read(PAGE)
                .lines()
                .filter(l -> l.startsWith("<a id=\"database-goals\"></a>"))
                .findFirst()
                .orElseThrow();
        Set<String> listed = new TreeSet<>();
        collect(line.substring(line.indexOf(':')), "`(\\w+)`", listed, "");
        assertThat(listed).as("the database goals the page lists").isEqualTo(databaseGoals());
    }

    @Test
    void eachGoalTakesTheSettingsTheTableNamesForIt() throws Exception {
        Map<String, Set<String>> goals = new TreeMap<>();
        NodeList mojos = pluginDescriptor().getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal").getTextContent();
            if (goal.equals("help")) {
                continue;
            }
            NodeList parameters = child(mojo, "parameters").getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                if (child(parameter, "editable").getTextContent().equals("true")) {
                    goals.computeIfAbsent(child(parameter, "name").getTextContent(), n -> new TreeSet<>())
                            .add(goal);
                }
            }
        }
        Map<String, Set<String>> table = new TreeMap<>();
        for (Setting<?> setting : SettingsTable.ALL) {
            if (setting.takenBy(Face.MAVEN)) {
                setting.spellings().get(Face.MAVEN).stream()
                        .filter(form -> form.startsWith("<"))
                        .forEach(form -> table.put(form.substring(1, form.length() - 1), UserCommands.taking(setting)));
            }
        }
        assertThat(table)
                .as("the goals of each parameter, as the table names them")
                .isEqualTo(goals);
    }

    /** The page's sections of settings, as the table describes them. */
    private static String render(Set<String> commands) {
        StringBuilder page = new StringBuilder();
        for (Section section : Section.values()) {
            List<Setting<?>> rows = SettingsTable.ALL.stream()
                    .filter(s -> s.section() == section)
                    .toList();
            if (rows.isEmpty()) {
                continue;
            }
            page.append("## ").append(section.title()).append("\n\n");
            if (section.intro() != null) {
                page.append(section.intro()).append("\n\n");
            }
            for (Setting<?> setting : rows) {
                page.append("### ").append(heading(setting)).append("\n\n");
                page.append(HEADER).append("\n|---|---|---|---|---|\n|");
                for (Face face : Face.values()) {
                    page.append(' ').append(spellings(setting, face)).append(" |");
                }
                page.append("\n\n");
                String whereAndDefault = whereAndDefault(setting, commands);
                if (!whereAndDefault.isEmpty()) {
                    page.append(whereAndDefault).append("\n\n");
                }
                page.append(setting.doc()).append("\n\n");
            }
        }
        return page.toString();
    }

    /** The setting's name; a setting of one face other than the plugin's says which. */
    private static String heading(Setting<?> setting) {
        List<Face> faces = Arrays.stream(Face.values()).filter(setting::takenBy).toList();
        return faces.size() == 1 && faces.get(0) != Face.MAVEN
                ? setting.name() + " (" + faces.get(0).title() + ")"
                : setting.name();
    }

    private static String spellings(Setting<?> setting, Face face) {
        if (!setting.takenBy(face)) {
            return "—";
        }
        return setting.spellings().get(face).stream().map(f -> "`" + f + "`").collect(Collectors.joining(", "));
    }

    /** {@code Default: `10s`. Goals: ...}, and the commands of the command line where they are not those. */
    private static String whereAndDefault(Setting<?> setting, Set<String> commands) {
        List<String> parts = new ArrayList<>();
        String defaultValue = setting.defaultValue();
        if (defaultValue != null) {
            parts.add("Default: " + (defaultValue.matches("[^\\s`]+") ? "`" + defaultValue + "`" : defaultValue) + ".");
        }
        Set<String> onCommandLine = UserCommands.takingOnCommandLine(setting);
        onCommandLine.retainAll(commands);
        Set<String> goals = UserCommands.taking(setting);
        if (setting.takenBy(Face.MAVEN)) {
            parts.add("Goals: " + goals(goals) + ".");
            Set<String> same = new TreeSet<>(goals);
            same.retainAll(commands);
            if (setting.takenBy(Face.COMMAND_LINE) && !onCommandLine.equals(same)) {
                parts.add("Commands: " + commandsOf(onCommandLine, same, commands) + ".");
            }
        } else if (setting.takenBy(Face.COMMAND_LINE)) {
            parts.add("Commands: " + commandsOf(onCommandLine, Set.of(), commands) + ".");
        }
        return String.join(" ", parts);
    }

    private static String goals(Set<String> goals) {
        if (goals.equals(databaseGoals())) {
            return "the [database goals](#database-goals)";
        }
        Set<String> every =
                UserCommands.ALL.stream().map(TakenSettings::command).collect(Collectors.toSet());
        return goals.equals(every) ? "every goal" : listed(goals);
    }

    /** The goals whose commands declare the database's rows ({@link TakenSettings#database}). */
    private static Set<String> databaseGoals() {
        return UserCommands.ALL.stream()
                .filter(taken -> taken.rows().containsAll(SettingsTable.DATABASE))
                .map(TakenSettings::command)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The commands of the command line that take a setting: every one, every one but a few, those of the goals'
     * names but a few ({@code same}), or each named.
     */
    private static String commandsOf(Set<String> taking, Set<String> same, Set<String> all) {
        Set<String> missing = new TreeSet<>(all);
        missing.removeAll(taking);
        if (missing.isEmpty()) {
            return "every command";
        }
        if (missing.size() == 1) {
            return "every command but " + listed(missing);
        }
        Set<String> left = new TreeSet<>(same);
        left.removeAll(taking);
        if (same.containsAll(taking) && left.size() <= 2 && taking.size() > left.size()) {
            return "the same but not "
                    + String.join(" or ", left.stream().map(n -> "`" + n + "`").toList());
        }
        return listed(taking);
    }

    private static String listed(Set<String> names) {
        return new TreeSet<>(names).stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
    }

    /** The commands of the command line, named as its {@code CliCommand}s. */
    private static Set<String> commandLineCommands() throws ClassNotFoundException {
        Set<String> commands = new TreeSet<>();
        for (Object command : Class.forName("dev.migrate.cli.CliCommand").getEnumConstants()) {
            commands.add(((Enum<?>) command).name().toLowerCase(Locale.ROOT));
        }
        return commands;
    }

    @Test
    void theMavenParametersAreTheDocumentedOnes() throws Exception {
        Set<String> elements = new TreeSet<>();
        Set<String> properties = new TreeSet<>();
        Document descriptor = pluginDescriptor();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (child(mojo, "goal").getTextContent().equals("help")) {
                continue; // Maven's generated help goal: described in docs/reference/goals.md
            }
            NodeList parameters = child(mojo, "parameters").getElementsByTagName("parameter");
            for (int j = 0; j < parameters.getLength(); j++) {
                Element parameter = (Element) parameters.item(j);
                if (child(parameter, "editable").getTextContent().equals("false")) {
                    continue;
                }
                elements.add(child(parameter, "name").getTextContent());
            }
            NodeList configuration = child(mojo, "configuration").getChildNodes();
            for (int j = 0; j < configuration.getLength(); j++) {
                String expression = configuration.item(j).getTextContent().strip();
                if (configuration.item(j).getNodeType() == Node.ELEMENT_NODE && expression.startsWith("${migrate.")) {
                    properties.add(expression.substring(2, expression.length() - 1));
                }
            }
        }
        assertThat(documentedElements).as("<parameters> in settings.md").isEqualTo(elements);
        assertThat(documentedProperties)
                .as("-Dmigrate.* properties in settings.md")
                .isEqualTo(properties);
    }

    @Test
    void theCommandLineOptionsAreTheDocumentedOnes() throws Exception {
        Class<?> optionType = Class.forName("dev.migrate.cli.CliOption");
        Field all = optionType.getDeclaredField("ALL");
        all.setAccessible(true);
        Method name = optionType.getDeclaredMethod("optionName");
        name.setAccessible(true);
        Set<String> options = new TreeSet<>();
        for (Object option : (List<?>) all.get(null)) {
            options.add((String) name.invoke(option));
        }
        options.remove("help");
        assertThat(documentedOptions).as("--options in settings.md").isEqualTo(options);
    }

    @Test
    void theStarterPropertiesAreTheDocumentedOnes() throws IOException {
        String metadata = resource("META-INF/spring-configuration-metadata.json", "\"migrate.");
        int start = metadata.indexOf("\"properties\"");
        String properties = metadata.substring(
                start,
                metadata.indexOf("\"hints\"", start) < 0 ? metadata.length() : metadata.indexOf("\"hints\"", start));
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"(migrate\\.[^\"]+)\"").matcher(properties);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).as("the starter's properties").isNotEmpty();
        assertThat(documentedSpring).as("migrate.* properties in settings.md").isEqualTo(names);
    }

    @Test
    void theBuilderMethodsAreTheDocumentedOnes() {
        Set<String> methods = new TreeSet<>();
        Arrays.stream(Migrator.Builder.class.getMethods())
                .filter(m -> m.getReturnType() == Migrator.Builder.class && !Modifier.isStatic(m.getModifiers()))
                .forEach(m -> methods.add(m.getName()));
        assertThat(documentedBuilder)
                .as("Migrator.builder() methods in settings.md")
                .isEqualTo(methods);
    }

    private static Document pluginDescriptor() throws Exception {
        String xml = resource("META-INF/maven/plugin.xml", "<goalPrefix>migrate</goalPrefix>");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setExpandEntityReferences(false);
        try (InputStream in = new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    /** The class path resource of that name whose text contains the marker (several jars may have one). */
    private static String resource(String name, String marker) throws IOException {
        for (URL url :
                Collections.list(SettingsReferenceTest.class.getClassLoader().getResources(name))) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains(marker)) {
                    return text;
                }
            }
        }
        throw new AssertionError(name + " of migrate is not on the class path");
    }
}

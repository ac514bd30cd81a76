package dev.migrate.maven;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.command.CommandFace;
import dev.migrate.command.Spelling;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What every goal shares: skipping, the migrations packages, the stale-class check and the project
 * class loader. A goal implements {@link #run(ClassLoader)} and calls one engine entry point.
 */
abstract class AbstractMigrateMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /** Skips the goal, for example in a profile that must not touch the database. */
    @Parameter(property = "migrate.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * The Java packages holding the migration classes, searched on the project's runtime
     * classpath ({@code target/classes} and dependency jars). Comma-separated on the command line.
     */
    @Parameter(property = "migrate.packages", defaultValue = "db.migrations")
    protected List<String> packages;

    /**
     * Let the JVM's optimizing compiler (C2) compile while the goal runs. Off by default: a goal lasts seconds,
     * and C2 spends more processor time on it than its code saves, on the cores PostgreSQL, the JPA provider and
     * a throwaway server need (a cold {@code check} of 2,000 entities took 6.6 to 7.0 s without it, 7.9 to 9.3 s
     * with it; an upgrade of 1,000 migrations on a stock PostgreSQL 15, 4.1 s and 2.0 s of processor time without
     * it, 4.7 s and 4.0 s with it). What runs in the build after the goal compiles as usual.
     */
    @Parameter(property = "migrate.optimizingCompiler", defaultValue = "false")
    protected boolean optimizingCompiler;

    @Override
    @SuppressWarnings("try") // the compiler directive is in force inside the try, and nothing there names it
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            checkParameterNames();
        } catch (MigrateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (skip) {
            getLog().info("Skipping migrate:" + goal() + " because migrate.skip is set.");
            return;
        }
        try (QuickCompilation compiling = optimizingCompiler ? null : QuickCompilation.start(getLog())) {
            starting();
            EngineVersionCheck.verify(mojoExecution.getVersion(), project.getArtifacts());
            staleClassCheck().verify(packages, "migrate:" + goal());
            classpathElements = project.getRuntimeClasspathElements();
            try (ProjectClassLoader classes =
                    ProjectClassLoader.open(classpathElements, getClass().getClassLoader())) {
                run(classes.loader());
            }
        } catch (MigrateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime classpath is not resolved: " + e.getMessage(), e);
        } finally {
            finished();
        }
    }

    /**
     * Refuses, before anything connects or starts, a parameter this goal would ignore: a misspelt
     * {@code -Dmigrate.*} property, another goal's, or a {@code <configuration>} element that is none.
     * The goals and their parameters are read from the plugin descriptor, so the check cannot drift
     * from the {@code @Parameter} fields.
     */
    private void checkParameterNames() {
        PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
        Map<String, Set<String>> goalsByParameter = new TreeMap<>();
        Map<String, String> propertiesByParameter = new TreeMap<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (org.apache.maven.plugin.descriptor.Parameter parameter : mojo.getParameters() == null
                    ? List.<org.apache.maven.plugin.descriptor.Parameter>of()
                    : mojo.getParameters()) {
                if (!parameter.isEditable()) {
                    continue; // ${project} and the like: not the user's to set
                }
                goalsByParameter
                        .computeIfAbsent(parameter.getName(), name -> new TreeSet<>())
                        .add(mojo.getGoal());
                String expression = parameter.getExpression();
                if (expression != null
                        && expression.startsWith("${" + ParameterNameCheck.PREFIX)
                        && expression.endsWith("}")) {
                    propertiesByParameter.put(parameter.getName(), expression.substring(2, expression.length() - 1));
                }
            }
        }
        Plugin declared = project.getPlugin(plugin.getPluginLookupKey());
        ParameterNameCheck check =
                new ParameterNameCheck(goal(), goalsByParameter, propertiesByParameter, goalsInBuild(plugin, declared));
        Set<String> commandLine = new TreeSet<>(session.getUserProperties().stringPropertyNames());
        commandLine.addAll(session.getSystemProperties().stringPropertyNames());
        check.verifyCommandLine(commandLine);
        check.verifyPomProperties(project.getProperties().stringPropertyNames());
        if (declared != null) {
            check.verifyConfiguration(
                    elementNames(declared.getConfiguration()),
                    plugin.getMojos().stream().map(MojoDescriptor::getGoal).toList(),
                    "the plugin's <configuration>");
            PluginExecution execution = declared.getExecutionsAsMap().get(mojoExecution.getExecutionId());
            if (execution != null) {
                check.verifyConfiguration(
                        elementNames(execution.getConfiguration()),
                        execution.getGoals().isEmpty() ? List.of(goal()) : execution.getGoals(),
                        "the <configuration> of the execution '" + execution.getId() + "'");
            }
        }
    }

    /**
     * The plugin's goals this invocation runs: those on the command line ({@code migrate:upgrade}
     * or by full coordinates) and, when it names a lifecycle phase, those the pom binds to phases.
     */
    private Set<String> goalsInBuild(PluginDescriptor plugin, Plugin declared) {
        Set<String> goals = new TreeSet<>(Set.of(goal()));
        boolean phase = false;
        for (String task : session.getGoals()) {
            String[] parts = task.split(":", -1);
            if (parts.length == 1) {
                phase = true;
            } else if (parts.length == 2
                    ? parts[0].equals(plugin.getGoalPrefix())
                    : parts[0].equals(plugin.getGroupId()) && parts[1].equals(plugin.getArtifactId())) {
                goals.add(parts[parts.length - 1]);
            }
        }
        if (phase && declared != null) {
            declared.getExecutions().forEach(execution -> goals.addAll(execution.getGoals()));
        }
        return goals;
    }

    private static List<String> elementNames(Object configuration) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return List.of();
        }
        return Arrays.stream(dom.getChildren()).map(Xpp3Dom::getName).toList();
    }

    /** Compares the project's sources with its compiled classes. */
    protected final StaleClassCheck staleClassCheck() {
        return new StaleClassCheck(
                project.getCompileSourceRoots().stream().map(Path::of).toList(),
                Path.of(project.getBuild().getOutputDirectory()));
    }

    /** The project's source roots, where its migration classes are written. */
    protected final MigrationSources migrationSources() {
        return new MigrationSources(
                project.getBasedir().toPath(),
                project.getCompileSourceRoots().stream().map(Path::of).toList());
    }

    /** Called first, before the checks: to start what can go on meanwhile, such as connecting. */
    protected void starting() {}

    /** Called last, whether the goal succeeded or failed: to let go of what {@link #starting()} began. */
    protected void finished() {}

    /** The project's runtime class path, as the goal's class loader reads it. */
    protected List<String> classpathElements = List.of();

    /** Does the goal's work with the project's classes loaded. A {@link MigrateException} fails the build with its message. */
    protected abstract void run(ClassLoader projectClasses) throws MojoExecutionException, MojoFailureException;

    protected final String goal() {
        return mojoExecution.getGoal();
    }

    /** A builder over the project's migrations, without a database: enough for the graph and offline SQL. */
    protected Migrator.Builder migrator(ClassLoader projectClasses) {
        return Migrator.builder()
                .packages(packages.stream().map(String::trim).toArray(String[]::new))
                .classLoader(projectClasses)
                .log(new MavenMigrationLog(getLog()));
    }

    /** Prints report lines as they are, to the build log. */
    /** How the goals name a goal and a parameter in their messages: {@code mvn compile migrate:upgrade -Dmigrate.x=y}. */
    protected static final Spelling SPELLING = Spelling.GOALS;

    /**
     * This goal as a face of the commands, as far as every goal is one: the project's migrations, the build log,
     * the project's paths and sources, the goals' spelling. A goal that reaches a database adds its database.
     */
    protected abstract class BuildFace implements CommandFace {
        protected final ClassLoader projectClasses;
        private MigrationSources sources;

        protected BuildFace(ClassLoader projectClasses) {
            this.projectClasses = projectClasses;
        }

        @Override
        public Migrator.Builder migrations(boolean online) {
            return migrator(projectClasses);
        }

        @Override
        public void onDatabase(Consumer<Migrator.Builder> work) {
            throw new IllegalStateException("migrate:" + goal() + " reaches no database");
        }

        @Override
        public String command(String command) {
            return SPELLING.command(command);
        }

        @Override
        public String setting(String name, String value) {
            return SPELLING.setting(name, value);
        }

        @Override
        public void info(String line) {
            getLog().info(line);
        }

        @Override
        public void warn(String line) {
            getLog().warn(line);
        }

        @Override
        public void error(String line) {
            getLog().error(line);
        }

        @Override
        public String shown(Path path) {
            return displayed(path);
        }

        @Override
        public String source(String className) {
            return sources().shown(className);
        }

        /** The project's source roots, read on first use. */
        protected final MigrationSources sources() {
            if (sources == null) {
                sources = migrationSources();
            }
            return sources;
        }
    }

    /** The path relative to the project's base directory when it is inside it, as {@code target/migrate/entity-cache}. */
    protected final String displayed(Path path) {
        Path base = project.getBasedir() == null
                ? null
                : project.getBasedir().toPath().toAbsolutePath();
        Path absolute = path.toAbsolutePath();
        return base != null && absolute.startsWith(base)
                ? base.relativize(absolute).toString()
                : path.toString();
    }

    protected final void print(List<String> lines) {
        lines.forEach(getLog()::info);
    }
}

package dev.migrate.cli;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the optimizing compiler (C2) out of a short command started by a plain {@code java -jar}.
 *
 * <p>A command of the command line runs for a second or less: C2 compiles what such a run makes hot (the driver's
 * SCRAM login, the class files read) on the second core and pays nothing back before the process ends, while the
 * server of a local database needs that core. {@code bin/migrate} starts the JVM with C1 alone
 * ({@code -XX:TieredStopAtLevel=1}); a jar cannot give the JVM options, but it can give the running JVM a compiler
 * directive, as {@code jcmd <pid> Compiler.directives_add} does, which excludes every method from C2: the JVM then
 * compiles with C1 alone. The jar's manifest opens the two JDK packages this takes ({@code Add-Opens}); where they
 * are not there (another JVM, a JDK without them) the run goes on as it would have, with both compilers.
 *
 * <p>Not for the commands that stay (watch, the MCP server), which C2 pays back; nor when the JVM was given its
 * compilers ({@code -XX:TieredStopAtLevel}, {@code -XX:-TieredCompilation}) or directives of its own.
 */
final class ShortRunCompilers {
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";
    private static final List<String> OWN_CHOICE =
            List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation", "-XX:CompilerDirectivesFile", "-Xint");

    private ShortRunCompilers() {}

    /**
     * Adds the directive when the command is short and the JVM was left its own choice of compilers.
     *
     * @param args the command line; its first argument names the command
     * @return whether the directive was added
     */
    static boolean keepC2Out(String[] args) {
        if (args.length > 0 && ArchivedStart.RESIDENT.contains(args[0])) {
            return false;
        }
        if (compilersChosen(System.getProperty("java.vm.info", ""))) {
            return false; // bin/migrate's JVM and the second JVM of a plain java -jar: nothing to load for it
        }
        Optional<Vm> vm = Vm.running();
        if (vm.isEmpty()
                || vm.get().arguments().stream()
                        .anyMatch(a -> OWN_CHOICE.stream().anyMatch(a::startsWith))) {
            return false;
        }
        // java.io, which the JVM has loaded at its start, where java.nio.file and ProcessHandle would take tens of
        // milliseconds more; a new file or none, never through a link someone else left at that name
        File file = new File(System.getProperty("java.io.tmpdir"), "migrate-c1-" + System.nanoTime() + ".json");
        try {
            if (!file.createNewFile()) {
                return false;
            }
            try {
                try (FileOutputStream out = new FileOutputStream(file)) {
                    out.write(DIRECTIVE.getBytes(StandardCharsets.UTF_8));
                }
                return vm.get().run("Compiler.directives_add " + file).contains("1 compiler directives added");
            } finally {
                if (!file.delete()) {
                    file.deleteOnExit();
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // the run goes on with both compilers
        }
    }

    /**
     * Whether the JVM says it runs C1 alone ({@code -XX:TieredStopAtLevel=1}: "emulated-client") or no compiler
     * ({@code -Xint}), read from {@code java.vm.info} without loading the management classes the full check takes.
     */
    static boolean compilersChosen(String vmInfo) {
        return vmInfo.contains("emulated-client") || vmInfo.startsWith("interpreted");
    }

    /**
     * The running JVM's arguments and diagnostic commands, reached as {@code jcmd} reaches them, without starting the
     * platform's MBean server (which costs more than C2 does a short run).
     */
    record Vm(Object management, Object commands, Method readArguments, Method execute) {
        /** The running JVM, when the two packages are open to this class; empty otherwise. */
        static Optional<Vm> running() {
            try {
                // its static initializer loads the native library the diagnostic commands are run through
                Class.forName("com.sun.management.internal.PlatformMBeanProviderImpl", true, null);
                Method management =
                        Class.forName("sun.management.ManagementFactoryHelper").getDeclaredMethod("getVMManagement");
                management.setAccessible(true);
                Object vm = management.invoke(null);
                Class<?> vmType = Class.forName("sun.management.VMManagement");
                Method arguments = vmType.getMethod("getVmArguments");
                arguments.setAccessible(true);
                Class<?> commandsType = Class.forName("com.sun.management.internal.DiagnosticCommandImpl");
                Constructor<?> constructor = commandsType.getDeclaredConstructor(vmType);
                constructor.setAccessible(true);
                Method execute = commandsType.getDeclaredMethod("executeDiagnosticCommand", String.class);
                execute.setAccessible(true);
                return Optional.of(new Vm(vm, constructor.newInstance(vm), arguments, execute));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                return Optional.empty();
            }
        }

        /** The options the JVM was started with, as {@code -XX:TieredStopAtLevel=1}. */
        List<String> arguments() {
            try {
                return ((List<?>) readArguments.invoke(management))
                        .stream().map(String::valueOf).toList();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What the diagnostic command {@code command} answers, as {@code jcmd <pid> <command>} prints it. */
        String run(String command) {
            try {
                return String.valueOf(execute.invoke(commands, command));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

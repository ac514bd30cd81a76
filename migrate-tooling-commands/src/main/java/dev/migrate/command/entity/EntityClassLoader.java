package dev.migrate.command.entity;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A loader of entity classes or of their provider that answers a class it could not find, asked again, at once.
 *
 * <p>The JPA provider asks for the same absent class once per entity and per package-level annotation it
 * supports ({@code bench.model.package-info} for each of 2,000 entities, five times each), through every loader it
 * knows; each miss walks every jar of the class path and builds an exception with a deep stack. Its classes
 * cannot appear while it lives (its jars and directories are read, never written), so a miss stays a miss.
 */
final class EntityClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    /**
     * Hibernate's registration of its bytecode provider (Byte Buddy), which it starts for the session factory's
     * options even when it only writes DDL: hundreds of classes and their set-up, a tenth of a cold run. With none
     * registered it takes its no-op provider; the mapping, and so the DDL, does not depend on it.
     */
    static final String BYTECODE_PROVIDER_SERVICE = "META-INF/services/org.hibernate.bytecode.spi.BytecodeProvider";

    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private final boolean ownsClasses;

    /**
     * @param ownsClasses whether the project's own classes are among {@code urls}: a package of theirs without
     *     {@code package-info} is given an empty one
     */
    EntityClassLoader(String name, URL[] urls, ClassLoader parent, boolean ownsClasses) {
        super(name, urls, parent);
        this.ownsClasses = ownsClasses;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (missing.contains(name)) {
            throw new Missing(name);
        }
        try {
            return super.loadClass(name, resolve);
        } catch (ClassNotFoundException e) {
            missing.add(name);
            throw e;
        }
    }

    /**
     * As {@link URLClassLoader}, and for a package of the project's classes that has no {@code package-info}, an
     * empty one: the provider asks for it with each entity of the package, through each loader it knows, and an
     * empty one says what an absent one says (no package-level annotation) without a failed lookup in each.
     */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        try {
            return super.findClass(name);
        } catch (ClassNotFoundException e) {
            int dot = name.lastIndexOf('.');
            if (!ownsClasses || dot < 0 || !name.substring(dot + 1).equals("package-info")) {
                throw e;
            }
            String packageName = name.substring(0, dot);
            URL directory = findResource(packageName.replace('.', '/') + "/");
            if (directory == null || !directory.getProtocol().equals("file")) {
                throw e; // not a package of the project's compiled classes
            }
            byte[] empty = emptyPackageInfo(name.replace('.', '/'));
            return defineClass(name, empty, 0, empty.length);
        }
    }

    /** As {@link URLClassLoader}, but for the {@linkplain #BYTECODE_PROVIDER_SERVICE bytecode provider's registration}: none. */
    @Override
    public @Nullable URL findResource(String name) {
        return name.equals(BYTECODE_PROVIDER_SERVICE) ? null : super.findResource(name);
    }

    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        return name.equals(BYTECODE_PROVIDER_SERVICE) ? Collections.emptyEnumeration() : super.findResources(name);
    }

    /** The class file of an empty {@code package-info} interface named {@code internalName}, as javac writes it. */
    static byte[] emptyPackageInfo(String internalName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0); // minor version
            out.writeShort(52); // major version: Java 8, read by every supported runtime
            out.writeShort(5); // constant pool count: four entries
            out.writeByte(1); // #1 Utf8: this class
            out.writeUTF(internalName);
            out.writeByte(7); // #2 Class #1
            out.writeShort(1);
            out.writeByte(1); // #3 Utf8: the super class
            out.writeUTF("java/lang/Object");
            out.writeByte(7); // #4 Class #3
            out.writeShort(3);
            out.writeShort(0x1600); // ACC_INTERFACE | ACC_ABSTRACT | ACC_SYNTHETIC
            out.writeShort(2); // this class
            out.writeShort(4); // super class
            out.writeShort(0); // interfaces
            out.writeShort(0); // fields
            out.writeShort(0); // methods
            out.writeShort(0); // attributes
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array is never short of room
        }
        return bytes.toByteArray();
    }

    /** An absent class asked for again: its first miss had the stack, the caller only looks at the type. */
    private static final class Missing extends ClassNotFoundException {
        private static final long serialVersionUID = 1L;

        Missing(String name) {
            super(name);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}

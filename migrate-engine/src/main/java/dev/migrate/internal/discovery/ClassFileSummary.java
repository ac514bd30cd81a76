package dev.migrate.internal.discovery;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the scanner needs to know about a class, read from its class file without loading it:
 * loading and linking a thousand migration classes costs more than the rest of a {@code current}
 * command, and most commands never run them.
 *
 * <p>Only what the JVM specification (chapter 4) fixes is read: the constant pool, the access
 * flags, the direct interfaces, the constructors and the {@code RuntimeVisibleAnnotations} and
 * {@code InnerClasses} attributes of the class.
 *
 * @param binaryName the class name, dotted ({@code db.migrations.V1})
 * @param accessFlags the class's access flags
 * @param superName the internal name of its superclass ({@code java/lang/Object} for most)
 * @param interfaces the internal names of the interfaces the class itself declares
 * @param publicNoArgConstructor whether it declares {@code public <init>()V}
 * @param nested whether the class is a member, local or anonymous class of another
 * @param revision the elements written in its {@code @Revision} annotation (strings, booleans and
 *     lists of strings), or {@code null} when it has none
 * @param module for a {@code package-info}, the elements written in its {@code @MigrationModule}, or
 *     {@code null} when it has none
 */
record ClassFileSummary(
        String binaryName,
        int accessFlags,
        @Nullable String superName,
        List<String> interfaces,
        boolean publicNoArgConstructor,
        boolean nested,
        @Nullable Map<String, Object> revision,
        @Nullable Map<String, Object> module) {
    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_INTERFACE = 0x0200;
    static final int ACC_ABSTRACT = 0x0400;

    /** The descriptor of {@link dev.migrate.Revision} as class files spell it. */
    private static final String REVISION = "Ldev/migrate/Revision;";

    /** The descriptor of {@code dev.migrate.annotations.MigrationModule}, read by name: the engine does not depend on it. */
    private static final String MIGRATION_MODULE = "Ldev/migrate/annotations/MigrationModule;";

    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int METHOD_HANDLE = 15;
    private static final int METHOD_TYPE = 16;
    private static final int DYNAMIC = 17;
    private static final int INVOKE_DYNAMIC = 18;
    private static final int MODULE = 19;
    private static final int PACKAGE = 20;

    /** Whether the class file describes a concrete public class that declares {@code implements Migration}. */
    boolean isPlainMigration() {
        return (accessFlags & (ACC_PUBLIC | ACC_INTERFACE | ACC_ABSTRACT)) == ACC_PUBLIC
                && !nested
                && publicNoArgConstructor
                && interfaces.contains("dev/migrate/Migration");
    }

    /**
     * Whether the class can be told apart from a migration without loading it: an interface, an
     * abstract class, or a class that extends {@code Object} and implements nothing.
     */
    boolean isSurelyNotAConcreteMigration() {
        return (accessFlags & (ACC_INTERFACE | ACC_ABSTRACT)) != 0
                || ("java/lang/Object".equals(superName) && interfaces.isEmpty());
    }

    /**
     * Reads a class file.
     *
     * @throws IOException when the bytes are not a class file this reader understands
     * @throws IndexOutOfBoundsException when they end early
     */
    static ClassFileSummary read(byte[] bytes) throws IOException {
        return new Reader(bytes).summary();
    }

    /**
     * The classes a class file names in its constant pool (what its code creates, calls, reads or casts to), as
     * internal names ({@code db/migrations/V1}); an array's element class for an array.
     *
     * @throws IOException when the bytes are not a class file this reader understands
     * @throws IndexOutOfBoundsException when they end early
     */
    static List<String> referencedClasses(byte[] bytes) throws IOException {
        return new Reader(bytes).referencedClasses();
    }

    /**
     * A cursor over the bytes of one class file. The constant pool is indexed, not decoded: only
     * the few strings the summary needs are ever made, which keeps a scan of a thousand classes
     * cheap in a JVM that has only just started.
     */
    private static final class Reader {
        private final byte[] bytes;
        private int pos;
        /** The offset of each constant's tag byte, by constant pool index. */
        private int[] constants = new int[0];

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        List<String> referencedClasses() throws IOException {
            if (u4() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            pos += 4; // minor and major version
            indexConstantPool();
            List<String> names = new ArrayList<>();
            for (int i = 1; i < constants.length; i++) {
                if (constants[i] != 0 && (bytes[constants[i]] & 0xFF) == CLASS) {
                    String name = className(i);
                    int element = name.lastIndexOf('[');
                    if (element < 0) {
                        names.add(name);
                    } else if (name.charAt(element + 1) == 'L') {
                        names.add(name.substring(element + 2, name.length() - 1));
                    }
                }
            }
            return names;
        }

        ClassFileSummary summary() throws IOException {
            if (u4() != 0xCAFEBABE) {
                throw new IOException("not a class file");
            }
            pos += 4; // minor and major version
            indexConstantPool();
            int access = u2();
            int thisClass = u2();
            String internalName = className(thisClass);
            int superClass = u2();
            String superName = superClass == 0 ? null : className(superClass);
            String[] interfaces = new String[u2()];
            for (int i = 0; i < interfaces.length; i++) {
                interfaces[i] = className(u2());
            }
            int fields = u2();
            for (int i = 0; i < fields; i++) {
                pos += 6;
                skipAttributes();
            }
            boolean noArgConstructor = false;
            int methods = u2();
            for (int i = 0; i < methods; i++) {
                int flags = u2();
                int name = u2();
                int descriptor = u2();
                if ((flags & ACC_PUBLIC) != 0 && utf8Is(name, "<init>") && utf8Is(descriptor, "()V")) {
                    noArgConstructor = true;
                }
                skipAttributes();
            }
            boolean nested = false;
            Map<String, Object> revision = null;
            Map<String, Object> module = null;
            int attributes = u2();
            for (int i = 0; i < attributes; i++) {
                String name = utf8(u2());
                int length = u4();
                int end = pos + length;
                switch (name) {
                    case "RuntimeVisibleAnnotations" -> {
                        int count = u2();
                        for (int a = 0; a < count; a++) {
                            Map<String, Object> values = annotation();
                            if (REVISION.equals(values.get(""))) {
                                values.remove("");
                                revision = values;
                            } else if (MIGRATION_MODULE.equals(values.get(""))) {
                                values.remove("");
                                module = values;
                            }
                        }
                    }
                    case "InnerClasses" -> {
                        int count = u2();
                        for (int c = 0; c < count; c++) {
                            int inner = u2();
                            pos += 6;
                            nested |= inner == thisClass;
                        }
                    }
                    default -> {}
                }
                pos = end;
            }
            return new ClassFileSummary(
                    internalName.replace('/', '.'),
                    access,
                    superName,
                    List.of(interfaces),
                    noArgConstructor,
                    nested,
                    revision,
                    module);
        }

        private void indexConstantPool() throws IOException {
            int count = u2();
            constants = new int[count];
            for (int i = 1; i < count; i++) {
                constants[i] = pos;
                int tag = u1();
                switch (tag) {
                    case UTF8 -> {
                        int length = u2();
                        pos += length;
                    }
                    case INTEGER, FLOAT -> pos += 4;
                    case LONG, DOUBLE -> {
                        pos += 8;
                        i++; // eight-byte constants take two entries
                    }
                    case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE -> pos += 2;
                    case METHOD_HANDLE -> pos += 3;
                    case 9, 10, 11, 12, DYNAMIC, INVOKE_DYNAMIC -> pos += 4;
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
        }

        /** The offset just past the tag of constant {@code index}, which must have tag {@code tag}. */
        private int constant(int index, int tag, String kind) throws IOException {
            if (index <= 0 || index >= constants.length || constants[index] == 0 || bytes[constants[index]] != tag) {
                throw new IOException("constant " + index + " is not " + kind);
            }
            return constants[index] + 1;
        }

        private String className(int index) throws IOException {
            return utf8(u2At(constant(index, CLASS, "a class")));
        }

        private String utf8(int index) throws IOException {
            int at = constant(index, UTF8, "a UTF-8 string");
            int length = u2At(at);
            int start = at + 2;
            for (int i = start; i < start + length; i++) {
                if (bytes[i] < 0) { // beyond ASCII: the JVM's modified UTF-8, as DataInput reads it
                    return new DataInputStream(new ByteArrayInputStream(bytes, at, length + 2)).readUTF();
                }
            }
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }

        /** Whether constant {@code index} is the UTF-8 string {@code ascii}, compared without making a string. */
        private boolean utf8Is(int index, String ascii) throws IOException {
            int at = constant(index, UTF8, "a UTF-8 string");
            if (u2At(at) != ascii.length()) {
                return false;
            }
            for (int i = 0; i < ascii.length(); i++) {
                if (bytes[at + 2 + i] != ascii.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean booleanConstant(int index) throws IOException {
            int at = constant(index, INTEGER, "an integer");
            return (u2At(at) | u2At(at + 2)) != 0;
        }

        /** The element values of one annotation, its type descriptor under the key {@code ""}. */
        private Map<String, Object> annotation() throws IOException {
            Map<String, Object> values = new HashMap<>();
            values.put("", utf8(u2()));
            int pairs = u2();
            for (int i = 0; i < pairs; i++) {
                String name = utf8(u2());
                values.put(name, elementValue());
            }
            return values;
        }

        /** Strings, booleans and arrays of them as such; other kinds of values are read past and kept as {@code null}. */
        private @Nullable Object elementValue() throws IOException {
            int tag = u1();
            switch (tag) {
                case 's' -> {
                    return utf8(u2());
                }
                case 'Z' -> {
                    return booleanConstant(u2());
                }
                case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'c' -> {
                    pos += 2;
                    return null;
                }
                case 'e' -> {
                    pos += 4;
                    return null;
                }
                case '@' -> {
                    annotation();
                    return null;
                }
                case '[' -> {
                    int count = u2();
                    List<Object> items = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        items.add(elementValue());
                    }
                    return items;
                }
                default -> throw new IOException("unknown annotation element tag " + (char) tag);
            }
        }

        private void skipAttributes() {
            int count = u2();
            for (int i = 0; i < count; i++) {
                pos += 2;
                int length = u4();
                pos += length;
            }
        }

        private int u1() {
            return bytes[pos++] & 0xFF;
        }

        private int u2() {
            int value = u2At(pos);
            pos += 2;
            return value;
        }

        private int u4() {
            int value = (u2At(pos) << 16) | u2At(pos + 2);
            pos += 4;
            return value;
        }

        private int u2At(int at) {
            return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
        }
    }
}

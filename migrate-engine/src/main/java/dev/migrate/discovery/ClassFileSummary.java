package dev.migrate.discovery;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 */
record ClassFileSummary(
        String binaryName,
        int accessFlags,
        String superName,
        List<String> interfaces,
        boolean publicNoArgConstructor,
        boolean nested,
        Map<String, Object> revision) {
    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_INTERFACE = 0x0200;
    static final int ACC_ABSTRACT = 0x0400;

    /** The descriptor of {@link dev.migrate.Revision} as class files spell it. */
    private static final String REVISION = "Ldev/migrate/Revision;";

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
                || "java/lang/Object".equals(superName) && interfaces.isEmpty();
    }

    /**
     * Reads a class file.
     *
     * @throws IOException when the bytes are not a class file this reader understands
     */
    static ClassFileSummary read(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        Object[] pool = readConstantPool(in);
        int access = in.readUnsignedShort();
        int thisClass = in.readUnsignedShort();
        String internalName = className(pool, thisClass);
        int superClass = in.readUnsignedShort();
        String superName = superClass == 0 ? null : className(pool, superClass);
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>(interfaceCount);
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(className(pool, in.readUnsignedShort()));
        }
        int fields = in.readUnsignedShort();
        for (int i = 0; i < fields; i++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        boolean noArgConstructor = false;
        int methods = in.readUnsignedShort();
        for (int i = 0; i < methods; i++) {
            int flags = in.readUnsignedShort();
            String name = utf8(pool, in.readUnsignedShort());
            String descriptor = utf8(pool, in.readUnsignedShort());
            if ((flags & ACC_PUBLIC) != 0 && name.equals("<init>") && descriptor.equals("()V")) {
                noArgConstructor = true;
            }
            skipAttributes(in);
        }
        boolean nested = false;
        Map<String, Object> revision = null;
        int attributes = in.readUnsignedShort();
        for (int i = 0; i < attributes; i++) {
            String name = utf8(pool, in.readUnsignedShort());
            int length = in.readInt();
            switch (name) {
                case "RuntimeVisibleAnnotations" -> {
                    int count = in.readUnsignedShort();
                    for (int a = 0; a < count; a++) {
                        Map<String, Object> values = readAnnotation(in, pool);
                        if (REVISION.equals(values.get(""))) {
                            values.remove("");
                            revision = values;
                        }
                    }
                }
                case "InnerClasses" -> {
                    int count = in.readUnsignedShort();
                    for (int c = 0; c < count; c++) {
                        int inner = in.readUnsignedShort();
                        in.skipBytes(6);
                        nested |= inner == thisClass;
                    }
                }
                default -> in.skipBytes(length);
            }
        }
        return new ClassFileSummary(
                internalName.replace('/', '.'),
                access,
                superName,
                List.copyOf(interfaces),
                noArgConstructor,
                nested,
                revision);
    }

    private static Object[] readConstantPool(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        Object[] pool = new Object[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> pool[i] = in.readUTF();
                case INTEGER -> pool[i] = in.readInt();
                case FLOAT -> in.skipBytes(4);
                case LONG, DOUBLE -> {
                    in.skipBytes(8);
                    i++; // eight-byte constants take two entries
                }
                case CLASS -> pool[i] = new ClassRef(in.readUnsignedShort());
                case STRING, METHOD_TYPE, MODULE, PACKAGE -> in.skipBytes(2);
                case METHOD_HANDLE -> in.skipBytes(3);
                case 9, 10, 11, 12, DYNAMIC, INVOKE_DYNAMIC -> in.skipBytes(4);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return pool;
    }

    private record ClassRef(int nameIndex) {}

    private static String className(Object[] pool, int index) throws IOException {
        if (pool[index] instanceof ClassRef ref) {
            return utf8(pool, ref.nameIndex());
        }
        throw new IOException("constant " + index + " is not a class");
    }

    private static String utf8(Object[] pool, int index) throws IOException {
        if (pool[index] instanceof String s) {
            return s;
        }
        throw new IOException("constant " + index + " is not a UTF-8 string");
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.skipBytes(2);
            in.skipBytes(in.readInt());
        }
    }

    /** The element values of one annotation, its type descriptor under the key {@code ""}. */
    private static Map<String, Object> readAnnotation(DataInputStream in, Object[] pool) throws IOException {
        Map<String, Object> values = new HashMap<>();
        values.put("", utf8(pool, in.readUnsignedShort()));
        int pairs = in.readUnsignedShort();
        for (int i = 0; i < pairs; i++) {
            String name = utf8(pool, in.readUnsignedShort());
            values.put(name, readElementValue(in, pool));
        }
        return values;
    }

    /** Strings, booleans and arrays of them as such; other kinds of values are read past and kept as {@code null}. */
    private static Object readElementValue(DataInputStream in, Object[] pool) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 's':
                return utf8(pool, in.readUnsignedShort());
            case 'Z':
                return pool[in.readUnsignedShort()] instanceof Integer value && value != 0;
            case 'B', 'C', 'D', 'F', 'I', 'J', 'S', 'c':
                in.skipBytes(2);
                return null;
            case 'e':
                in.skipBytes(4);
                return null;
            case '@':
                readAnnotation(in, pool);
                return null;
            case '[': {
                int count = in.readUnsignedShort();
                List<Object> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(readElementValue(in, pool));
                }
                return items;
            }
            default:
                throw new IOException("unknown annotation element tag " + (char) tag);
        }
    }
}

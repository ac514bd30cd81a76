package dev.migrate.imports.flyway;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** The smallest class file the JVM would parse: a public class, its superclass, no members. */
final class ClassFiles {
    private ClassFiles() {}

    static byte[] subclass(String internalName, String superName) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(61); // Java 17
        out.writeShort(5); // constant pool: 4 entries, counted from 1
        out.writeByte(1);
        out.writeUTF(internalName);
        out.writeByte(7);
        out.writeShort(1);
        out.writeByte(1);
        out.writeUTF(superName);
        out.writeByte(7);
        out.writeShort(3);
        out.writeShort(0x0021); // public, super
        out.writeShort(2);
        out.writeShort(4);
        out.writeShort(0); // interfaces
        out.writeShort(0); // fields
        out.writeShort(0); // methods
        out.writeShort(0); // attributes
        return bytes.toByteArray();
    }
}

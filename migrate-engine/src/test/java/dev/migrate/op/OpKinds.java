package dev.migrate.op;

import java.util.Arrays;
import java.util.stream.Stream;

/** The kinds of {@link Op}: every record that implements it, those of its sealed families included. */
public final class OpKinds {
    private OpKinds() {}

    /** Each record kind of op, for tests that want a sample or a rendering of every one. */
    public static Stream<Class<?>> leaves() {
        return leaves(Op.class);
    }

    private static Stream<Class<?>> leaves(Class<?> type) {
        Class<?>[] permitted = type.getPermittedSubclasses();
        return permitted == null ? Stream.of(type) : Arrays.stream(permitted).flatMap(OpKinds::leaves);
    }
}

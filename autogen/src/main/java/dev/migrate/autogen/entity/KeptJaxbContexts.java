package dev.migrate.autogen.entity;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBContextFactory;
import jakarta.xml.bind.JAXBException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JAXB contexts a provider makes while it reads a small unit's mapping file ({@link EntityDeltaBridge}), made
 * once for the same classes and kept: Hibernate makes one for every unit it starts, which was most of describing a
 * changed entity once the provider is warm. A context is immutable and thread-safe, so the one kept serves as a new
 * one would. Only the unit's class loader names this factory to JAXB (as a service, before the project's own); it
 * makes each context through the lookup JAXB does without it, and keeps only contexts of classes its own loader
 * serves, the provider's, never those of a loader made for one unit.
 */
public final class KeptJaxbContexts implements JAXBContextFactory {
    private static final Map<List<Class<?>>, JAXBContext> KEPT = new ConcurrentHashMap<>();
    private static final AtomicInteger MADE = new AtomicInteger();

    /** Made by JAXB's service lookup. */
    public KeptJaxbContexts() {}

    @Override
    public JAXBContext createContext(Class<?>[] classes, Map<String, ?> properties) throws JAXBException {
        List<Class<?>> key = List.of(classes);
        if (!properties.isEmpty() || !key.stream().allMatch(KeptJaxbContexts::ofThisLoader)) {
            return made(() -> JAXBContext.newInstance(classes, properties));
        }
        JAXBContext kept = KEPT.get(key);
        if (kept == null) {
            kept = made(() -> JAXBContext.newInstance(classes, properties));
            JAXBContext raced = KEPT.putIfAbsent(key, kept);
            if (raced != null) {
                kept = raced;
            }
        }
        return kept;
    }

    @Override
    public JAXBContext createContext(String contextPath, ClassLoader classLoader, Map<String, ?> properties)
            throws JAXBException {
        return made(() -> JAXBContext.newInstance(contextPath, classLoader, properties));
    }

    /** How many contexts were made through this factory in this loader: what a test of keeping them counts. */
    static int made() {
        return MADE.get();
    }

    private interface Making {
        JAXBContext make() throws JAXBException;
    }

    /** {@code making}'s context, looked up as JAXB does with this class's loader as the thread's, where no unit is. */
    private static JAXBContext made(Making making) throws JAXBException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KeptJaxbContexts.class.getClassLoader());
        try {
            MADE.incrementAndGet();
            return making.make();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Whether {@code type} comes from this class's loader or one it delegates to: kept as long as this class is. */
    private static boolean ofThisLoader(Class<?> type) {
        ClassLoader own = KeptJaxbContexts.class.getClassLoader();
        for (ClassLoader l = own; l != null; l = l.getParent()) {
            if (type.getClassLoader() == l) {
                return true;
            }
        }
        return type.getClassLoader() == null;
    }
}

package dev.migrate.autogen.entity;

import dev.migrate.autogen.cache.Fingerprint;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Inheritance;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Asks the project's JPA provider for the DDL of a few changed entities alone, as they were and as they are: the
 * persistence unit of those entities and the entities they reference, whose own associations to entities outside
 * that unit are left out (declared transient in a mapping file of its own), so that the unit stays small whatever
 * the model. What differs between the two scripts is what the change did to the whole model's DDL, which
 * {@link DdlDelta} checks and applies.
 *
 * <p>Runs inside the project's class loader, as {@link EntityDdlBridge} does, with JDK types in and out. A change it
 * cannot describe so (a class that is no entity, an inheritance hierarchy, a referenced entity whose identity comes
 * from an association, the provider failing on the small unit) is answered with the reason under {@link #REFUSED}:
 * the caller then describes the whole model.
 */
public final class EntityDeltaBridge implements Function<Map<String, Object>, Map<String, Object>> {
    /** The changed classes, each name with the bytes of its class file before the change. */
    static final String CHANGED = "changed";
    /**
     * The project's classes as they are, each name with the bytes of its class file: the changed ones after the
     * change, the entities they reference, and the converters, listed in the small unit too (one the provider applies
     * by itself changes column types).
     */
    static final String CLASSES = "classes";
    /** The DDL of the changed entities alone before the change. */
    static final String BEFORE = "before";
    /** The same, after. */
    static final String AFTER = "after";
    /** Why the change is not described so. */
    static final String REFUSED = "refused";
    /**
     * In the request, the scripts of small units described before, each under its {@link #unitKey}; in the answer,
     * the two this one wrote: the next change's unit before it is most often this one's after (the same entity
     * edited again), which the provider then does not describe again.
     */
    static final String SCRIPTS = "scripts";

    private static final String MAPPING_FILE = "META-INF/migrate-changed-entities.xml";
    private static final List<Class<? extends Annotation>> TO_ENTITIES =
            List.of(ManyToOne.class, OneToOne.class, OneToMany.class, ManyToMany.class);
    private static final String CONVERTER = "Ljakarta/persistence/Converter;";
    private static final List<String> DISTRIBUTIONS =
            List.of("dev.migrate.annotations.Distributed", "dev.migrate.annotations.ReferenceTable");

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> apply(Map<String, Object> request) {
        ClassLoader project = Thread.currentThread().getContextClassLoader();
        Map<String, byte[]> changed = new TreeMap<>((Map<String, byte[]>) request.get(CHANGED));
        Map<String, byte[]> classes = (Map<String, byte[]>) request.getOrDefault(CLASSES, Map.of());
        Map<String, String> properties =
                (Map<String, String>) Objects.requireNonNull(request.get(EntityDdlBridge.PROPERTIES));
        Map<String, List<String>> known = (Map<String, List<String>>) request.getOrDefault(SCRIPTS, Map.of());
        try {
            return describe(project, changed, classes, properties, known);
        } catch (Refused e) {
            return Map.of(REFUSED, String.valueOf(e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            return Map.of(REFUSED, "the provider could not describe them alone (" + e + ")");
        }
    }

    private static Map<String, Object> describe(
            ClassLoader project,
            Map<String, byte[]> before,
            Map<String, byte[]> classes,
            Map<String, String> properties,
            Map<String, List<String>> known) {
        Map<String, byte[]> after = new TreeMap<>();
        for (String name : before.keySet()) {
            after.put(name, bytes(project, classes, name));
        }
        // what each version of the changed entities references, read in a loader of its own
        Set<String> referenced = new TreeSet<>();
        for (Map<String, byte[]> version : List.of(before, after)) {
            try (Defining probe = new Defining(version, project, null)) {
                for (String name : version.keySet()) {
                    Class<?> type = probe.loadClass(name);
                    requireAlone(type);
                    associations(type).forEach(a -> referenced.add(a.target().getName()));
                }
            } catch (IOException | ClassNotFoundException e) {
                throw new Refused("its class could not be read again (" + e + ")");
            }
        }
        referenced.removeAll(before.keySet());
        Set<String> unit = new TreeSet<>(before.keySet());
        unit.addAll(referenced);
        // the referenced entities as they are, their associations to entities outside the unit left out
        Map<String, List<String>> transients = new TreeMap<>();
        Map<String, byte[]> kept = new TreeMap<>();
        for (String name : referenced) {
            Class<?> type = loaded(project, name);
            requireReferenceable(type);
            List<String> outside = new ArrayList<>();
            for (Association a : associations(type)) {
                if (!unit.contains(a.target().getName())) {
                    if (a.declaredOn() != type) {
                        throw new Refused(name + " reaches " + a.target().getName() + " through "
                                + a.declaredOn().getName() + ", which the unit cannot leave out");
                    }
                    outside.add(a.name());
                }
            }
            if (!outside.isEmpty()) {
                transients.put(name, outside);
            }
            kept.put(name, bytes(project, classes, name));
        }
        List<String> listed = new ArrayList<>(unit);
        Map<String, byte[]> converters = new TreeMap<>();
        classes.forEach((name, bytes) -> {
            if (!unit.contains(name) && new String(bytes, StandardCharsets.ISO_8859_1).contains(CONVERTER)) {
                listed.add(name);
                converters.put(name, bytes);
            }
        });
        Map<String, List<String>> written = new TreeMap<>();
        Map<String, Object> scripts = new HashMap<>();
        for (Map.Entry<String, Map<String, byte[]>> version :
                Map.of(BEFORE, before, AFTER, after).entrySet()) {
            Map<String, byte[]> unitClasses = with(version.getValue(), kept);
            String key = unitKey(with(unitClasses, converters), transients, listed, properties);
            List<String> script = known.get(key);
            if (script == null) {
                script = script(project, unitClasses, transients, listed, properties);
            }
            written.put(key, script);
            scripts.put(version.getKey(), script);
        }
        scripts.put(SCRIPTS, written);
        return scripts;
    }

    /**
     * What a small unit's script is written from, summed: the bytes of its classes and of the converters listed
     * with them, the attributes left out, and the provider's settings. The provider writes the same script from the
     * same of all three, where the classes they use otherwise (an embedded value, an enumeration) are as they were:
     * the caller keeps the scripts only while no other class changes.
     */
    private static String unitKey(
            Map<String, byte[]> classes,
            Map<String, List<String>> transients,
            List<String> listed,
            Map<String, String> properties) {
        Fingerprint key = new Fingerprint();
        classes.forEach((name, bytes) -> key.field(name).bytes(bytes));
        return key.field(transients.toString())
                .fields("listed", listed)
                .field(new TreeMap<>(properties).toString())
                .hex();
    }

    private static Map<String, byte[]> with(Map<String, byte[]> changed, Map<String, byte[]> referenced) {
        Map<String, byte[]> all = new TreeMap<>(referenced);
        all.putAll(changed);
        return all;
    }

    /** The provider's DDL for {@code listed}, the classes of {@code classes} defined from their bytes. */
    private static List<String> script(
            ClassLoader project,
            Map<String, byte[]> classes,
            Map<String, List<String>> transients,
            List<String> listed,
            Map<String, String> properties) {
        Path root;
        try {
            root = Files.createTempDirectory("migrate-changed-entities");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (Defining loader = new Defining(classes, project, root)) {
            List<String> mappingFiles = List.of();
            if (!transients.isEmpty()) {
                Path file = root.resolve(MAPPING_FILE);
                Files.createDirectories(file.getParent());
                Files.writeString(file, mappingXml(transients), StandardCharsets.UTF_8);
                mappingFiles = List.of(MAPPING_FILE);
            }
            thread.setContextClassLoader(loader);
            return EntityDdlBridge.script(loader, listed, mappingFiles, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(previous);
            deleteTree(root);
        }
    }

    /** A mapping file that declares the named attributes of each entity transient, the rest as annotated. */
    static String mappingXml(Map<String, List<String>> transients) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
                """);
        transients.forEach((entity, attributes) -> {
            xml.append("  <entity class=\"").append(entity).append("\">\n    <attributes>\n");
            attributes.forEach(
                    a -> xml.append("      <transient name=\"").append(a).append("\"/>\n"));
            xml.append("    </attributes>\n  </entity>\n");
        });
        return xml.append("</entity-mappings>\n").toString();
    }

    /** A changed class described alone: an entity of no inheritance hierarchy, with no distribution declared. */
    private static void requireAlone(Class<?> type) {
        if (!type.isAnnotationPresent(Entity.class)) {
            throw new Refused(type.getName() + " is no entity");
        }
        if (type.isAnnotationPresent(Inheritance.class) || entitySuperclass(type) != null) {
            throw new Refused(type.getName() + " is part of an inheritance hierarchy");
        }
        for (Annotation a : type.getAnnotations()) {
            if (DISTRIBUTIONS.contains(a.annotationType().getName())) {
                throw new Refused(type.getName() + " declares its distribution");
            }
        }
    }

    /**
     * A referenced entity taken into the unit: its table as the unit writes it may lack what its own associations
     * add, which is the same before and after; its identity may not come from an association.
     */
    private static void requireReferenceable(Class<?> type) {
        if (!type.isAnnotationPresent(Entity.class)) {
            throw new Refused("it references " + type.getName() + ", which is no entity");
        }
        if (entitySuperclass(type) != null) {
            throw new Refused("it references " + type.getName() + ", a subclass of an entity");
        }
        if (type.isAnnotationPresent(IdClass.class)) {
            throw new Refused("it references " + type.getName() + ", whose identity is a class of its own");
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (AnnotatedElement member : members(c)) {
                if (member.isAnnotationPresent(MapsId.class)
                        || member.isAnnotationPresent(EmbeddedId.class)
                        || (member.isAnnotationPresent(jakarta.persistence.Id.class) && toEntity(member) != null)) {
                    throw new Refused("it references " + type.getName() + ", whose identity comes from an association");
                }
            }
        }
    }

    private static @Nullable Class<?> entitySuperclass(Class<?> type) {
        for (Class<?> c = type.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(Entity.class)) {
                return c;
            }
        }
        return null;
    }

    /** An attribute that reaches an entity: its name, its target, and the class that declares it. */
    private record Association(String name, Class<?> target, Class<?> declaredOn) {}

    /**
     * Every association of {@code type}, its mapped superclasses' and its embedded classes', read from both fields
     * and getters (whichever access the entity uses, the other adds nothing but an attribute the provider ignores).
     */
    private static List<Association> associations(Class<?> type) {
        List<Association> found = new ArrayList<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        collect(type, type, found, seen);
        return found;
    }

    private static void collect(Class<?> type, Class<?> owner, List<Association> found, Set<Class<?>> seen) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (!seen.add(c)) {
                return;
            }
            Class<?> declaredOn = c == owner ? owner : c;
            for (AnnotatedElement member : members(c)) {
                Annotation association = toEntity(member);
                if (association != null) {
                    found.add(new Association(name(member), target(member, association), declaredOn));
                } else if (member.isAnnotationPresent(Embedded.class)
                        || member.isAnnotationPresent(EmbeddedId.class)
                        || member.isAnnotationPresent(ElementCollection.class)) {
                    Class<?> embedded = elementType(member);
                    if (embedded != null && !embedded.getName().startsWith("java.")) {
                        collect(embedded, owner, found, seen);
                    }
                }
            }
        }
    }

    private static List<AnnotatedElement> members(Class<?> type) {
        List<AnnotatedElement> members = new ArrayList<>();
        Stream.of(type.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .sorted(Comparator.comparing(Field::getName))
                .forEach(members::add);
        Stream.of(type.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
                .sorted(Comparator.comparing(Method::getName))
                .forEach(members::add);
        return members;
    }

    private static @Nullable Annotation toEntity(AnnotatedElement member) {
        for (Class<? extends Annotation> kind : TO_ENTITIES) {
            Annotation a = member.getAnnotation(kind);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    private static Class<?> target(AnnotatedElement member, Annotation association) {
        Class<?> declared = void.class;
        if (association instanceof ManyToOne m) {
            declared = m.targetEntity();
        } else if (association instanceof OneToOne o) {
            declared = o.targetEntity();
        } else if (association instanceof OneToMany o) {
            declared = o.targetEntity();
        } else if (association instanceof ManyToMany m) {
            declared = m.targetEntity();
        }
        if (declared != void.class) {
            return declared;
        }
        Class<?> element = elementType(member);
        if (element == null) {
            throw new Refused("the target of " + name(member) + " is not a class");
        }
        return element;
    }

    /** The type of an attribute, or of its elements for a collection or a map (the values). */
    private static @Nullable Class<?> elementType(AnnotatedElement member) {
        Type type = member instanceof Field f ? f.getGenericType() : ((Method) member).getGenericReturnType();
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments();
            Type last = arguments[arguments.length - 1];
            return last instanceof Class<?> c ? c : null;
        }
        return type instanceof Class<?> c ? c : null;
    }

    private static String name(AnnotatedElement member) {
        if (member instanceof Field f) {
            return f.getName();
        }
        String method = ((Method) member).getName();
        String property =
                method.startsWith("get") ? method.substring(3) : method.startsWith("is") ? method.substring(2) : method;
        return property.isEmpty() ? method : Character.toLowerCase(property.charAt(0)) + property.substring(1);
    }

    private static Class<?> loaded(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new Refused(name + " cannot be loaded");
        }
    }

    /** The bytes of class {@code name} as given in {@code classes}, else as {@code loader} finds its class file. */
    private static byte[] bytes(ClassLoader loader, Map<String, byte[]> classes, String name) {
        byte[] given = classes.get(name);
        if (given != null) {
            return given;
        }
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new Refused("the class file of " + name + " is gone");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Refused("the class file of " + name + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

    /**
     * A loader that defines the given classes itself from their bytes and leaves every other to its parent, and
     * serves the files under its root (the class files, so that a provider reading one finds the same bytes, and the
     * mapping file) before its parent's.
     */
    private static final class Defining extends URLClassLoader {
        /** Where JAXB looks up its context factory, as a service. */
        private static final String JAXB_FACTORIES = "META-INF/services/jakarta.xml.bind.JAXBContextFactory";

        private final Map<String, byte[]> classes;
        /** The service file naming {@link KeptJaxbContexts}, outside the loader's own path; null without a root. */
        private final @Nullable URL keptJaxbContexts;

        Defining(Map<String, byte[]> classes, ClassLoader parent, @Nullable Path root) {
            super("migrate-changed-entities", urls(root), parent);
            this.classes = classes;
            if (root == null) {
                keptJaxbContexts = null;
                return;
            }
            try {
                classes.forEach((name, bytes) -> {
                    try {
                        Path file = root.resolve(name.replace('.', '/') + ".class");
                        Files.createDirectories(file.getParent());
                        Files.write(file, bytes);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                Path service = root.resolve("kept-jaxb-contexts").resolve(JAXB_FACTORIES);
                Files.createDirectories(service.getParent());
                Files.writeString(service, KeptJaxbContexts.class.getName() + "\n", StandardCharsets.UTF_8);
                keptJaxbContexts = service.toUri().toURL();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The provider's JAXB lookups find {@link KeptJaxbContexts} first, which keeps the contexts they make. */
        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            Enumeration<URL> found = super.getResources(name);
            if (keptJaxbContexts == null || !name.equals(JAXB_FACTORIES)) {
                return found;
            }
            List<URL> all = new ArrayList<>(List.of(keptJaxbContexts));
            all.addAll(Collections.list(found));
            return Collections.enumeration(all);
        }

        private static URL[] urls(@Nullable Path root) {
            try {
                return root == null ? new URL[0] : new URL[] {root.toUri().toURL()};
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes == null) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        @Override
        public @Nullable URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }
    }

    /** A change this bridge does not describe alone, and why. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why);
        }
    }
}

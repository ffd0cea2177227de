package dev.netc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.netc.cli.Netc;
import dev.netc.evaluator.Verdict;
import dev.netc.source.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Records that write {@code equals} or {@code hashCode} out (to spare the start-up the
 * invokedynamic bootstrap of the generated ones; bench/README.md, Start-up) must still mean what
 * the record's own would: equal exactly when every component is equal. A component added later
 * and left out of them fails here.
 *
 * <p>The records are found in the classes netc runs from (this module's and the evaluator's): a
 * record's generated {@code equals} and {@code hashCode} are invokedynamic call sites of those
 * names, so a record whose class file has no such call site wrote the method out. For each, an
 * instance is built from sample values of its components' types, and for every component a second
 * one that differs only in it: the two must be unequal and (so that a component left out of
 * {@code hashCode} shows too) hash differently; two instances built alike must be equal and hash
 * alike. Sample values come from the component's type: a few of each JDK type, the constants of
 * an enum, a record built the same way, the permitted records of a sealed interface; a type that
 * is none of these needs an entry in {@link #SAMPLES}.
 */
class HandWrittenEqualityTest {
    /** Sample values of types the factory cannot build: two distinct ones at least. */
    private static final Map<Class<?>, List<Object>> SAMPLES = Map.of(
            SourceFile.class,
            List.of(new SourceFile("a.netspec", "network a {}\n"), new SourceFile("b.netspec", "network b {}\n")));

    /** The values of each type, the first the one a base instance uses; built once, so base instances share them. */
    private final Map<Type, List<Object>> values = new HashMap<>();

    @Test
    void findsTheRecordsThatWriteThemOut() throws IOException {
        assertThat(handWritten())
                .extracting(Class::getName)
                .contains(
                        "dev.netc.source.Span",
                        "dev.netc.diagnostics.Diagnostic",
                        "dev.netc.diagnostics.Label",
                        "dev.netc.diagnostics.Fix",
                        "dev.netc.model.Peer$NamespacePeer",
                        "dev.netc.emit.FlowIndex$TierKey")
                .as("a record with the generated methods")
                .doesNotContain("dev.netc.model.Peer$TierPeer");
    }

    @TestFactory
    Stream<DynamicTest> equalsAndHashCodeCoverEveryComponent() throws IOException {
        return handWritten().stream().map(type -> DynamicTest.dynamicTest(type.getName(), () -> check(type)));
    }

    private void check(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Object[] base = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            base[i] = values(components[i].getGenericType()).get(0);
        }
        Object one = construct(type, base);
        Object other = construct(type, base);
        assertThat(one).as("%s built twice alike", type.getName()).isEqualTo(other);
        assertThat(other).as("%s built twice alike", type.getName()).isEqualTo(one);
        assertThat(one.hashCode()).as("hash codes of equal %s", type.getName()).isEqualTo(other.hashCode());
        assertThat(one).as("a %s and null", type.getName()).isNotEqualTo(null).isNotEqualTo(new Object());
        for (int i = 0; i < components.length; i++) {
            Object variant = variant(type, base, i);
            String differing = type.getName() + " instances that differ only in `" + components[i].getName() + "`";
            assertThat(one.equals(variant))
                    .as("%s: equals must compare it", differing)
                    .isFalse();
            assertThat(variant.equals(one))
                    .as("%s: equals must compare it", differing)
                    .isFalse();
            assertThat(one.hashCode())
                    .as("%s: hashCode must include it", differing)
                    .isNotEqualTo(variant.hashCode());
        }
    }

    /** An instance like the base one but for component {@code index}: the first other value its constructor accepts. */
    private Object variant(Class<?> type, Object[] base, int index) throws ReflectiveOperationException {
        RecordComponent component = type.getRecordComponents()[index];
        List<Object> candidates = values(component.getGenericType());
        for (Object candidate : candidates.subList(1, candidates.size())) {
            if (Objects.equals(candidate, base[index])) {
                continue;
            }
            Object[] arguments = base.clone();
            arguments[index] = candidate;
            try {
                return construct(type, arguments);
            } catch (InvocationTargetException refused) {
                // the constructor refuses this combination (e.g. a span ending before it starts): the next value
            }
        }
        return fail("no sample value of " + component.getGenericType().getTypeName() + " makes a second "
                + type.getName() + " that differs only in `" + component.getName() + "`: add one to SAMPLES");
    }

    private static Object construct(Class<?> type, Object[] arguments) throws ReflectiveOperationException {
        Class<?>[] parameterTypes = Stream.of(type.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> constructor = type.getDeclaredConstructor(parameterTypes);
        constructor.setAccessible(true);
        return constructor.newInstance(arguments);
    }

    /** Distinct values of a type, at least two where the type has two. */
    private List<Object> values(Type type) {
        List<Object> known = values.get(type);
        if (known == null) {
            known = List.copyOf(build(type));
            assertThat(known).as("sample values of %s", type.getTypeName()).isNotEmpty();
            values.put(type, known);
        }
        return known;
    }

    private List<Object> build(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                List<Object> elements = values(arguments[0]);
                return List.of(List.of(elements.get(0)), List.of(), List.of(elements.get(elements.size() - 1)));
            } else if (raw == Optional.class) {
                List<Object> contents = values(arguments[0]);
                return List.of(
                        Optional.of(contents.get(0)), Optional.empty(), Optional.of(contents.get(contents.size() - 1)));
            } else if (raw == Map.class) {
                // an entry hashes as key ^ value: a key with its own value, or two entries that swap
                // values, would hash as the empty map or as each other
                List<Object> keys = values(arguments[0]);
                List<Object> mapped = values(arguments[1]);
                Object key = keys.get(0);
                Object value = mapped.get(mapped.size() - 1);
                return List.of(
                        Map.of(key, value),
                        Map.of(),
                        keys.size() == 1 ? Map.of(key, mapped.get(0)) : Map.of(key, value, keys.get(1), mapped.get(0)));
            }
            return fail("no sample values of " + type.getTypeName() + ": teach the factory its type");
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return List.of(1, 0, 2);
        } else if (raw == long.class || raw == Long.class) {
            return List.of(1L, 0L, 2L);
        } else if (raw == boolean.class || raw == Boolean.class) {
            return List.of(false, true);
        } else if (raw == String.class) {
            return List.of("a", "b");
        } else if (raw == BigInteger.class) {
            return List.of(BigInteger.ONE, BigInteger.ZERO, BigInteger.TWO);
        } else if (raw.isEnum()) {
            return List.of(raw.getEnumConstants());
        } else if (SAMPLES.containsKey(raw)) {
            return SAMPLES.get(raw);
        } else if (raw.isRecord()) {
            return records(raw);
        } else if (raw.isSealed()) {
            List<Object> oneOfEach = new ArrayList<>();
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                oneOfEach.add(values(permitted).get(0));
            }
            return oneOfEach;
        }
        return fail("no sample values of " + type.getTypeName() + ": add them to SAMPLES");
    }

    /** A record built from the first value of each component, and one that differs in its first component. */
    private List<Object> records(Class<?> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Object[] base = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                base[i] = values(components[i].getGenericType()).get(0);
            }
            Object first = construct(type, base);
            return components.length == 0 ? List.of(first) : List.of(first, variant(type, base, 0));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a " + type.getName(), e);
        }
    }

    /** The records of netc's classes whose class file has no generated equals or hashCode. */
    static List<Class<?>> handWritten() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> anchor : List.of(Netc.class, Verdict.class)) {
            for (Map.Entry<String, byte[]> file : classFiles(anchor).entrySet()) {
                Class<?> type;
                try {
                    type = Class.forName(file.getKey(), false, loader());
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + file.getKey(), e);
                }
                if (type.isRecord() && !Modifier.isAbstract(type.getModifiers())) {
                    Set<String> generated = invokedynamicNames(file.getValue());
                    if (!generated.contains("equals") || !generated.contains("hashCode")) {
                        found.add(type);
                    }
                }
            }
        }
        assertThat(found).as("records that write equals or hashCode out").isNotEmpty();
        return found;
    }

    private static ClassLoader loader() {
        return HandWrittenEqualityTest.class.getClassLoader();
    }

    /** Class name → class file, of the folder or jar the class was loaded from. */
    private static Map<String, byte[]> classFiles(Class<?> anchor) throws IOException {
        Path location;
        try {
            location = Path.of(
                    anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Map<String, byte[]> files = new HashMap<>();
        if (Files.isDirectory(location)) {
            read(location, files);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                read(jar.getPath("/"), files);
            }
        }
        return files;
    }

    private static void read(Path root, Map<String, byte[]> files) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                String relative = root.relativize(file).toString();
                if (!relative.endsWith("module-info.class") && !relative.endsWith("package-info.class")) {
                    String name = relative.substring(0, relative.length() - ".class".length())
                            .replace('/', '.')
                            .replace('\\', '.');
                    files.put(name, Files.readAllBytes(file));
                }
            }
        }
    }

    /** The names of a class file's invokedynamic call sites, from its constant pool (JVMS 4.4). */
    static Set<String> invokedynamicNames(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.skipBytes(8); // magic, minor and major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] nameOfNameAndType = new int[count];
        List<Integer> callSites = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 17 -> in.skipBytes(4); // Integer, Float, refs, Dynamic
                case 5, 6 -> {
                    in.skipBytes(8); // Long, Double: two entries
                    i++;
                }
                case 12 -> {
                    nameOfNameAndType[i] = in.readUnsignedShort();
                    in.skipBytes(2);
                }
                case 18 -> {
                    in.skipBytes(2);
                    callSites.add(in.readUnsignedShort());
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> names = new HashSet<>();
        callSites.forEach(nameAndType -> names.add(utf8[nameOfNameAndType[nameAndType]]));
        return names;
    }
}

package dev.netc.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code StdlibSources.java}: the text of every standard-library module ({@code stdlib/NAME.netspec},
 * imported as {@code std/NAME}) as a string constant. A class rather than jar resources because
 * the first resource a JVM looks up makes its class loaders search the JDK's module image
 * (about 8 ms of every {@code netc compile}). Run by the compiler module's build like
 * {@link Rke2CatalogueGenerator}.
 *
 * <p>Arguments: the stdlib folder, the output source directory, the target package. The output
 * depends only on the files' names and contents.
 */
public final class StdlibGenerator {
    static final String CLASS_NAME = "StdlibSources";
    static final String EXTENSION = ".netspec";
    /** The most UTF-8 bytes a class-file string constant holds. */
    static final int MAX_CONSTANT_BYTES = 65_535;

    private StdlibGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: " + StdlibGenerator.class.getName()
                    + " STDLIB_DIR OUTPUT_SOURCE_DIR PACKAGE (got " + args.length + " arguments)");
        }
        SortedMap<String, String> modules = read(Path.of(args[0]));
        Path file = GeneratedSources.write(generate(modules, args[2]), Path.of(args[1]));
        System.out.println("netc-codegen: " + file + " (" + modules.size() + " standard modules)");
    }

    /** Every module of the folder by name, sorted. */
    static SortedMap<String, String> read(Path folder) throws IOException {
        SortedMap<String, String> modules = new TreeMap<>();
        for (Path file : specsIn(folder)) {
            String name = file.getFileName().toString();
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > MAX_CONSTANT_BYTES) {
                throw new IllegalArgumentException(file + " has " + bytes.length
                        + " bytes: more than a string constant holds (" + MAX_CONSTANT_BYTES + ")");
            }
            modules.put(
                    name.substring(0, name.length() - EXTENSION.length()), new String(bytes, StandardCharsets.UTF_8));
        }
        return modules;
    }

    /** The {@code .netspec} files directly in the folder, by path; a folder without one is refused. */
    public static List<Path> specsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> specs = files.filter(
                            file -> file.getFileName().toString().endsWith(EXTENSION))
                    .sorted()
                    .toList();
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("no " + EXTENSION + " file in " + folder);
            }
            return specs;
        }
    }

    static JavaFile generate(SortedMap<String, String> modules, String packageName) {
        CodeBlock.Builder entries =
                CodeBlock.builder().add("$T.ofEntries(", Map.class).indent();
        String separator = "\n";
        for (Map.Entry<String, String> module : modules.entrySet()) {
            entries.add(separator).add("$T.entry($S, $S)", Map.class, module.getKey(), module.getValue());
            separator = ",\n";
        }
        entries.unindent().add(")");
        CodeBlock.Builder names = CodeBlock.builder().add("$T.of(", List.class);
        separator = "";
        for (String name : modules.keySet()) {
            names.add(separator).add("$S", name);
            separator = ", ";
        }
        names.add(")");
        TypeSpec type = GeneratedSources.publicFinalClass(CLASS_NAME, StdlibGenerator.class)
                .addJavadoc(
                        "The standard library: the text of each module {@code std/NAME}, from {@code stdlib/NAME$L}.\n",
                        EXTENSION)
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(List.class, String.class),
                                "NAMES",
                                Modifier.PUBLIC,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .addJavadoc("The modules' names, sorted.\n")
                        .initializer(names.build())
                        .build())
                .addField(FieldSpec.builder(
                                ParameterizedTypeName.get(Map.class, String.class, String.class),
                                "TEXTS",
                                Modifier.PRIVATE,
                                Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer(entries.build())
                        .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(MethodSpec.methodBuilder("text")
                        .addJavadoc("The text of the module called {@code name}, if the standard library has it.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(Optional.class, String.class))
                        .addParameter(String.class, "name")
                        .addStatement("return $T.ofNullable(TEXTS.get(name))", Optional.class)
                        .build())
                .build();
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).build();
    }
}

package dev.netc.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code Rke2KeyCatalogue.java}: every RKE2 config key as an {@code Rke2Key}, plus the names
 * RKE2 dropped or never had, with the reason. Run by the compiler module's build ({@code exec:java}, in
 * the Maven JVM: this class never calls {@code System.exit}; failures are exceptions).
 *
 * <p>Arguments: keys TSV, dropped-keys TSV, output source directory, target package (which must also
 * hold the hand-written {@code Rke2Key} record).
 *
 * <p>The output depends only on the TSV contents: entries are sorted by key and nothing else (time,
 * paths, environment) goes into the file, so repeated runs are byte-identical.
 */
public final class Rke2CatalogueGenerator {

    static final String CLASS_NAME = "Rke2KeyCatalogue";

    /** Entries per generated helper method, far below the JVM's 64 KiB method limit. */
    static final int ENTRIES_PER_METHOD = 50;

    private Rke2CatalogueGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: " + Rke2CatalogueGenerator.class.getName()
                    + " KEYS_TSV DROPPED_TSV OUTPUT_SOURCE_DIR PACKAGE (got " + args.length + " arguments)");
        }
        Rke2Catalogue catalogue = Rke2Catalogue.load(Path.of(args[0]), Path.of(args[1]));
        Path file = GeneratedSources.write(generate(catalogue, args[3]), Path.of(args[2]));
        System.out.println("netc-codegen: " + file + " (" + catalogue.keys().size() + " keys, "
                + catalogue.dropped().size() + " dropped names)");
    }

    static JavaFile generate(Rke2Catalogue catalogue, String packageName) {
        ClassName key = ClassName.get(packageName, "Rke2Key");
        ClassName valueType = key.nestedClass("ValueType");
        ClassName scope = key.nestedClass("Scope");
        TypeName keyMap = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), key);
        TypeName sortedKeyMap =
                ParameterizedTypeName.get(ClassName.get(SortedMap.class), ClassName.get(String.class), key);
        TypeName sortedReasonMap = ParameterizedTypeName.get(SortedMap.class, String.class, String.class);

        TypeSpec.Builder type = GeneratedSources.publicFinalClass(CLASS_NAME, Rke2CatalogueGenerator.class)
                .addJavadoc(
                        "Every key RKE2 accepts in {@code config.yaml} ($L), and names that are not RKE2 keys\n"
                                + "although they show up in configs: k3s flags dropped by RKE2 and names from third-party\n"
                                + "documents ($L). Generated from the TSV files in {@code src/main/catalogue}; see SOURCES.md there.\n",
                        catalogue.keys().size(),
                        catalogue.dropped().size())
                .addField(FieldSpec.builder(sortedKeyMap, "KEYS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("keys()")
                        .build())
                .addField(
                        FieldSpec.builder(sortedReasonMap, "DROPPED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                                .initializer("dropped()")
                                .build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(MethodSpec.methodBuilder("find")
                        .addJavadoc("The config key called {@code name}, if RKE2 accepts it.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), key))
                        .addParameter(String.class, "name")
                        .addStatement(
                                "return $T.ofNullable(KEYS.get($T.requireNonNull(name, $S)))",
                                Optional.class,
                                Objects.class,
                                "name")
                        .build())
                .addMethod(MethodSpec.methodBuilder("droppedReason")
                        .addJavadoc("Why {@code name} is not a valid RKE2 config key, if it is a known dropped or"
                                + " invented name.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(Optional.class, String.class))
                        .addParameter(String.class, "name")
                        .addStatement(
                                "return $T.ofNullable(DROPPED.get($T.requireNonNull(name, $S)))",
                                Optional.class,
                                Objects.class,
                                "name")
                        .build())
                .addMethod(MethodSpec.methodBuilder("all")
                        .addJavadoc("All config keys, ordered by name; unmodifiable.\n")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Collection.class), key))
                        .addStatement("return KEYS.values()")
                        .build());

        // keys(): a TreeMap filled by helper methods of at most ENTRIES_PER_METHOD entries each.
        MethodSpec.Builder keys = MethodSpec.methodBuilder("keys")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(sortedKeyMap)
                .addStatement("$T keys = new $T<>()", sortedKeyMap, TreeMap.class);
        List<MethodSpec> parts = new ArrayList<>();
        List<Rke2Catalogue.Key> all = catalogue.keys();
        for (int start = 0, chunk = 0; start < all.size(); start += ENTRIES_PER_METHOD, chunk++) {
            String helper = "keys" + chunk;
            keys.addStatement("$N(keys)", helper);
            MethodSpec.Builder part = MethodSpec.methodBuilder(helper)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(keyMap, "keys");
            for (Rke2Catalogue.Key k : all.subList(start, Math.min(start + ENTRIES_PER_METHOD, all.size()))) {
                // Constant names are spliced into the format (they come from a fixed table) so that
                // JavaPoet can shorten them through the static imports below.
                part.addStatement(
                        "put(keys, new $T($S, $T." + k.type() + ", $T." + k.scope() + ", $S, $S))",
                        key,
                        k.name(),
                        valueType,
                        scope,
                        k.defaultValue(),
                        k.description());
            }
            parts.add(part.build());
        }
        keys.addStatement("return $T.unmodifiableSortedMap(keys)", Collections.class);
        type.addMethod(keys.build()).addMethods(parts);

        type.addMethod(MethodSpec.methodBuilder("put")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(keyMap, "keys")
                .addParameter(key, "key")
                .beginControlFlow("if (keys.put(key.name(), key) != null)")
                .addStatement("throw new $T($S + key.name())", IllegalStateException.class, "duplicate key ")
                .endControlFlow()
                .build());

        MethodSpec.Builder dropped = MethodSpec.methodBuilder("dropped")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(sortedReasonMap)
                .addStatement("$T dropped = new $T<>()", sortedReasonMap, TreeMap.class);
        for (Rke2Catalogue.Dropped d : catalogue.dropped()) {
            dropped.addStatement("dropped.put($S, $S)", d.name(), d.reason());
        }
        dropped.addStatement("return $T.unmodifiableSortedMap(dropped)", Collections.class);
        type.addMethod(dropped.build());

        return JavaFile.builder(packageName, type.build())
                .addFileComment(
                        "Generated by $L from rke2-config-keys.tsv and rke2-dropped-keys.tsv.\n",
                        Rke2CatalogueGenerator.class.getName())
                .addFileComment("Do not edit: change the TSV files in compiler/src/main/catalogue instead.")
                .addStaticImport(valueType, used(all, Rke2Catalogue.Key::type))
                .addStaticImport(scope, used(all, Rke2Catalogue.Key::scope))
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }

    /** The enum constant names a column uses, sorted, for explicit static imports. */
    private static String[] used(List<Rke2Catalogue.Key> keys, Function<Rke2Catalogue.Key, String> column) {
        return keys.stream().map(column).distinct().sorted().toArray(String[]::new);
    }
}

package dev.netc.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code NetspecVocabulary.java} from {@code compiler/src/main/vocabulary} ({@link VocabularyData}):
 * plain constants, built without streams, maps of many entries or regular expressions, because the
 * analyzers load the class on every compile:
 * <ul>
 *   <li>one {@code List<String>} per word set ({@code ROLE_WORDS});</li>
 *   <li>one {@code BlockKind} per block and for the top level ({@code CLUSTER}, {@code TOP_LEVEL}),
 *       with its properties, repeatable properties, blocks, statements, completion words and property words;</li>
 *   <li>{@code BLOCKS}, {@code STATEMENTS} ({@code StatementKind}s) and {@code KEYWORDS} (the lexer's);</li>
 *   <li>{@code block(kind)}, {@code statement(keyword)} and {@code rke2KeySource(key)}, switches over strings.</li>
 * </ul>
 *
 * <p>Arguments: the vocabulary directory, the output source directory, the package (which must also
 * hold the hand-written {@code BlockKind} and {@code StatementKind} records). The output depends only
 * on the TSV files, so repeated runs are byte-identical.
 */
public final class VocabularyGenerator {

    static final String CLASS_NAME = "NetspecVocabulary";

    private VocabularyGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: " + VocabularyGenerator.class.getName()
                    + " VOCABULARY_DIR OUTPUT_SOURCE_DIR PACKAGE (got " + args.length + " arguments)");
        }
        VocabularyData data = VocabularyData.load(Path.of(args[0]));
        Path file = GeneratedSources.write(generate(data, args[2]), Path.of(args[1]));
        System.out.println("netc-codegen: " + file + " (" + (data.blocks().size() - 1) + " blocks, "
                + data.statements().size() + " statements, "
                + data.propertyNames().size() + " property names, "
                + data.wordSets().size() + " word sets)");
    }

    static JavaFile generate(VocabularyData data, String packageName) {
        ClassName blockKind = ClassName.get(packageName, "BlockKind");
        ClassName statementKind = ClassName.get(packageName, "StatementKind");
        TypeName strings = ParameterizedTypeName.get(List.class, String.class);

        TypeSpec.Builder type = GeneratedSources.publicFinalClass(CLASS_NAME, VocabularyGenerator.class)
                .addJavadoc("The netspec vocabulary: what may be written where, and the words a value may be.\n"
                        + "Generated from {@code compiler/src/main/vocabulary} (see the README there).\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());

        for (VocabularyData.WordSet set : data.wordSets()) {
            type.addField(FieldSpec.builder(
                            strings, setConstant(set.name()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("$L ($L): $L.\n", set.name(), fileAndLine(set.where()), set.meaning())
                    .initializer("$L", list(set.words()))
                    .build());
        }
        for (VocabularyData.Kind kind : data.blocks()) {
            type.addField(
                    FieldSpec.builder(blockKind, blockConstant(kind), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                            .addJavadoc("$L ($L).\n", kind.description(), fileAndLine(kind.where()))
                            .initializer("$L", blockKind(data, kind, blockKind))
                            .build());
        }
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), blockKind),
                        "BLOCKS",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("The top level, then every kind of block.\n")
                .initializer(
                        "$T.of($L)",
                        List.class,
                        data.blocks().stream()
                                .map(k -> CodeBlock.of("$N", blockConstant(k)))
                                .collect(CodeBlock.joining(", ")))
                .build());
        type.addField(FieldSpec.builder(
                        ParameterizedTypeName.get(ClassName.get(List.class), statementKind),
                        "STATEMENTS",
                        Modifier.PUBLIC,
                        Modifier.STATIC,
                        Modifier.FINAL)
                .addJavadoc("Every statement of its own syntax: neither a block nor a property.\n")
                .initializer(CodeBlock.builder()
                        .add("$T.of(\n", List.class)
                        .indent()
                        .indent()
                        .add(data.statements().stream()
                                .map(k -> CodeBlock.of(
                                        "new $T($S, $S, $S)", statementKind, k.kind(), k.description(), k.home()))
                                .collect(CodeBlock.joining(",\n")))
                        .add(")")
                        .unindent()
                        .unindent()
                        .build())
                .build());
        type.addField(FieldSpec.builder(strings, "KEYWORDS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The keywords of NetSpecLexer.g4, in its order: every other word is a NAME.\n")
                .initializer("$L", list(data.keywords()))
                .build());

        List<VocabularyData.Kind> blocks =
                data.blocks().stream().filter(VocabularyData.Kind::isBlock).toList();
        type.addMethod(lookup(
                "block",
                "kind",
                blockKind,
                "The kind of block {@code kind}, or null: there is none (the top level is none).\n",
                blocks,
                VocabularyData.Kind::kind,
                k -> CodeBlock.of("$N", blockConstant(k))));
        List<VocabularyData.Kind> statements = data.statements();
        type.addMethod(lookup(
                "statement",
                "keyword",
                statementKind,
                "The statement that starts with {@code keyword}, or null.\n",
                statements,
                VocabularyData.Kind::kind,
                k -> CodeBlock.of("STATEMENTS.get($L)", statements.indexOf(k))));
        List<VocabularyData.Member> written =
                data.members().stream().filter(m -> !m.rke2().isEmpty()).toList();
        type.addMethod(lookup(
                "rke2KeySource",
                "key",
                ClassName.get(String.class),
                "For an RKE2 config key netc writes itself, what in netspec says it (\"`pods` in the cluster block\"); null for\n"
                        + "any other key.\n",
                written,
                VocabularyData.Member::rke2,
                m -> CodeBlock.of(
                        "$S",
                        "`" + m.word() + "` in the " + m.block() + " block"
                                + (m.rke2Note().isEmpty() ? "" : " (" + m.rke2Note() + ")"))));

        return GeneratedSources.fromTsv(
                packageName, type.build(), VocabularyGenerator.class, "src/main/vocabulary/*.tsv");
    }

    private static CodeBlock blockKind(VocabularyData data, VocabularyData.Kind kind, ClassName blockKind) {
        String name = kind.kind();
        boolean top = kind.is().equals("top");
        CodeBlock.Builder words = CodeBlock.builder();
        List<VocabularyData.Member> withWords = data.members(name).stream()
                .filter(m -> m.isProperty() && !m.value().set().isEmpty())
                .toList();
        if (withWords.size() > 10) {
            throw new CatalogueFormatException(kind.where() + ": more than ten properties of words: Map.of takes ten");
        }
        words.add("$T.of(", Map.class);
        for (int i = 0; i < withWords.size(); i++) {
            VocabularyData.Member member = withWords.get(i);
            words.add(
                    "$S, $N$L", member.word(), setConstant(member.value().set()), i + 1 < withWords.size() ? ", " : "");
        }
        words.add(")");
        List<String> repeatable = data.members(name).stream()
                .filter(m -> m.isProperty() && m.repeatable())
                .map(VocabularyData.Member::word)
                .toList();
        return CodeBlock.builder()
                .add("new $T($S, $S, $S,\n", blockKind, top ? "" : name, kind.description(), kind.home())
                .indent()
                .indent()
                .add("$L,\n", list(data.words(name, "property")))
                .add("$L,\n", list(repeatable))
                .add("$L,\n", list(data.words(name, "block")))
                .add("$L,\n", list(data.words(name, "statement")))
                .add("$L,\n", list(data.completions(name)))
                .add("$L)", words.build())
                .unindent()
                .unindent()
                .build();
    }

    /** {@code static RESULT name(String parameter)}: a switch from each row's key to its value, null by default. */
    private static <T> MethodSpec lookup(
            String name,
            String parameter,
            TypeName result,
            String javadoc,
            List<T> rows,
            Function<T, String> key,
            Function<T, CodeBlock> value) {
        CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch ($N)", parameter);
        for (T row : rows) {
            body.addStatement("case $S: return $L", key.apply(row), value.apply(row));
        }
        body.addStatement("default: return null").endControlFlow();
        return MethodSpec.methodBuilder(name)
                .addJavadoc(javadoc)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(result)
                .addParameter(String.class, parameter)
                .addCode(body.build())
                .build();
    }

    private static CodeBlock list(List<String> words) {
        return CodeBlock.of(
                "$T.of($L)",
                List.class,
                words.stream().map(w -> CodeBlock.of("$S", w)).collect(CodeBlock.joining(", ")));
    }

    /** {@code kube-proxy-mode} → {@code KUBE_PROXY_MODE_WORDS}. */
    static String setConstant(String set) {
        return constant(set) + "_WORDS";
    }

    /** {@code kube-proxy} → {@code KUBE_PROXY}; the top level → {@code TOP_LEVEL}. */
    static String blockConstant(VocabularyData.Kind kind) {
        return kind.is().equals("top") ? "TOP_LEVEL" : constant(kind.kind());
    }

    private static String constant(String word) {
        return word.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** {@code /abs/path/words.tsv:3} → {@code words.tsv:3}: the generated file names no build directory. */
    private static String fileAndLine(String where) {
        return Path.of(where).getFileName().toString();
    }
}

package dev.netc.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netc.grammar.DfaSnapshot;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Writes {@code ParserDfaSnapshot.java}: the prediction DFA the parser builds while it parses a
 * corpus of specs (the examples and the standard library), as a {@link DfaSnapshot} string, so
 * that netc starts from it instead of an empty DFA. Run by the compiler module's build like
 * {@link StdlibGenerator}.
 *
 * <p>Arguments: the output source directory, the target package, then the corpus folders; every
 * {@code .netspec} file directly in them is parsed, in order of path, the way netc's fast path
 * parses (SLL prediction). Each must parse without error. The output depends only on the
 * grammar and the files' contents.
 */
public final class ParserDfaGenerator {
    static final String CLASS_NAME = "ParserDfaSnapshot";
    /** Characters per string constant: ASCII, so well below the 65,535 bytes a constant holds. */
    static final int SEGMENT = 60_000;

    private ParserDfaGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: " + ParserDfaGenerator.class.getName()
                    + " OUTPUT_SOURCE_DIR PACKAGE CORPUS_DIR... (got " + args.length + " arguments)");
        }
        List<Path> corpus = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            corpus.addAll(specsIn(Path.of(args[i])));
        }
        String snapshot = DfaSnapshot.write(dfaAfterParsing(corpus));
        Path file = Rke2CatalogueGenerator.write(generate(snapshot, args[1]), Path.of(args[0]));
        System.out.println("netc-codegen: " + file + " (" + corpus.size() + " specs, " + snapshot.length() + " characters)");
    }

    /** The {@code .netspec} files directly in the folder, by path. */
    public static List<Path> specsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> specs = files.filter(file -> file.getFileName().toString().endsWith(StdlibGenerator.EXTENSION))
                    .sorted()
                    .toList();
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("no " + StdlibGenerator.EXTENSION + " file in " + folder);
            }
            return specs;
        }
    }

    /** The DFA that parsing the files builds, starting from an empty one. */
    public static DFA[] dfaAfterParsing(List<Path> corpus) throws IOException {
        ATN atn = NetSpecParser._ATN;
        DFA[] dfas = new DFA[atn.getNumberOfDecisions()];
        for (int decision = 0; decision < dfas.length; decision++) {
            dfas[decision] = new DFA(atn.getDecisionState(decision), decision);
        }
        PredictionContextCache contexts = new PredictionContextCache();
        for (Path spec : corpus) {
            NetSpecLexer lexer = new NetSpecLexer(CharStreams.fromPath(spec));
            lexer.removeErrorListeners();
            NetSpecParser parser = new NetSpecParser(new CommonTokenStream(lexer));
            // this generator's own DFA, not the one all parsers of the JVM share (Maven's, here)
            parser.setInterpreter(new ParserATNSimulator(parser, atn, dfas, contexts));
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                parser.specFile();
            } catch (ParseCancellationException e) {
                throw new IllegalArgumentException(spec + " does not parse: the corpus must be valid specs", e);
            }
        }
        return dfas;
    }

    static JavaFile generate(String snapshot, String packageName) {
        CodeBlock.Builder segments = CodeBlock.builder().add("return $T.join(\"\"", String.class).indent();
        for (int start = 0; start < snapshot.length(); start += SEGMENT) {
            segments.add(",\n$S", snapshot.substring(start, Math.min(snapshot.length(), start + SEGMENT)));
        }
        segments.unindent().add(")");
        TypeSpec type = TypeSpec.classBuilder(CLASS_NAME)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
                        .addMember("value", "$S", ParserDfaGenerator.class.getName())
                        .build())
                .addJavadoc("The parser's prediction DFA after parsing the examples and the standard library: see {@code $L}.\n",
                        DfaSnapshot.class.getName())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("data")
                        .addJavadoc("The snapshot, for {@code DfaSnapshot.read}; string constants of at most $L characters, joined.\n",
                                SEGMENT)
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(String.class)
                        .addStatement(segments.build())
                        .build())
                .build();
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).build();
    }
}

package dev.netc.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Writes {@code DfaSnapshots.java}: the DFAs the lexer and the parser build while they read a
 * corpus of specs (the examples and the standard library), as {@link DfaSnapshotWriter} strings, so
 * that netc starts from them instead of empty DFAs. Run by the compiler module's build like
 * {@link StdlibGenerator}.
 *
 * <p>Arguments: the output source directory, the target package, then the corpus folders; every
 * {@code .netspec} file directly in them is read, in order of path, the way netc's fast path
 * parses (SLL prediction). Each must parse without error. The output depends only on the
 * grammar and the files' contents.
 */
public final class DfaSnapshotGenerator {
    static final String CLASS_NAME = "DfaSnapshots";
    /** Characters per string constant: ASCII, so well below the 65,535 bytes a constant holds. */
    static final int SEGMENT = 60_000;

    private DfaSnapshotGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: " + DfaSnapshotGenerator.class.getName()
                    + " OUTPUT_SOURCE_DIR PACKAGE CORPUS_DIR... (got " + args.length + " arguments)");
        }
        List<Path> corpus = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            corpus.addAll(StdlibGenerator.specsIn(Path.of(args[i])));
        }
        Trained trained = train(corpus);
        String lexer = DfaSnapshotWriter.write(trained.lexer(), NetSpecLexer._ATN);
        String parser = DfaSnapshotWriter.write(trained.parser(), NetSpecParser._ATN);
        Path file = GeneratedSources.write(generate(lexer, parser, args[1]), Path.of(args[0]));
        System.out.println("netc-codegen: " + file + " (" + corpus.size() + " specs, " + lexer.length() + " + "
                + parser.length() + " characters)");
    }

    /** The lexer's and the parser's DFAs. */
    public record Trained(DFA[] lexer, DFA[] parser) {}

    /** The DFAs that lexing and parsing the files build, starting from empty ones. */
    public static Trained train(List<Path> corpus) throws IOException {
        // this generator's own DFAs, not the ones all lexers and parsers of the JVM share (Maven's, here)
        Trained trained = new Trained(emptyDfa(NetSpecLexer._ATN), emptyDfa(NetSpecParser._ATN));
        PredictionContextCache lexerContexts = new PredictionContextCache();
        PredictionContextCache parserContexts = new PredictionContextCache();
        for (Path spec : corpus) {
            NetSpecLexer lexer = new NetSpecLexer(CharStreams.fromPath(spec));
            lexer.setInterpreter(new LexerATNSimulator(lexer, NetSpecLexer._ATN, trained.lexer(), lexerContexts));
            lexer.removeErrorListeners();
            NetSpecParser parser = new NetSpecParser(new CommonTokenStream(lexer));
            parser.setInterpreter(new ParserATNSimulator(parser, NetSpecParser._ATN, trained.parser(), parserContexts));
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            parser.removeErrorListeners();
            parser.setErrorHandler(new BailErrorStrategy());
            try {
                parser.specFile();
            } catch (ParseCancellationException e) {
                throw new IllegalArgumentException(spec + " does not parse: the corpus must be valid specs", e);
            }
        }
        return trained;
    }

    /** One empty DFA per decision (a lexer: per mode) of the ATN. */
    public static DFA[] emptyDfa(ATN atn) {
        DFA[] dfa = new DFA[atn.getNumberOfDecisions()];
        for (int decision = 0; decision < dfa.length; decision++) {
            dfa[decision] = new DFA(atn.getDecisionState(decision), decision);
        }
        return dfa;
    }

    static JavaFile generate(String lexer, String parser, String packageName) {
        TypeSpec type = GeneratedSources.publicFinalClass(CLASS_NAME, DfaSnapshotGenerator.class)
                .addJavadoc(
                        "The lexer's and the parser's DFAs after reading the examples and the standard library: see {@code $L}.\n",
                        packageName + ".DfaSnapshotReader")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build())
                .addMethod(snapshot("lexer", lexer))
                .addMethod(snapshot("parser", parser))
                .build();
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).build();
    }

    /** A method returning the snapshot: string constants of at most {@link #SEGMENT} characters, joined. */
    private static MethodSpec snapshot(String name, String snapshot) {
        CodeBlock.Builder segments =
                CodeBlock.builder().add("return $T.join(\"\"", String.class).indent();
        for (int start = 0; start < snapshot.length(); start += SEGMENT) {
            segments.add(",\n$S", snapshot.substring(start, Math.min(snapshot.length(), start + SEGMENT)));
        }
        segments.unindent().add(")");
        return MethodSpec.methodBuilder(name)
                .addJavadoc("The $L's snapshot, for {@code DfaSnapshotReader.read}.\n", name)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class)
                .addStatement(segments.build())
                .build();
    }
}

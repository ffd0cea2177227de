package dev.netc.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.codegen.VocabularyData;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.Emitter;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.model.Canal;
import dev.netc.model.Role;
import dev.netc.rke2.Rke2KeyCatalogue;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Vocabulary;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compiler does what {@code src/main/vocabulary} says, checked by compiling what the data
 * describes: every member of a block is accepted there and every other block, statement or property
 * is refused (NS1007, NS1005) with the data's home and description; required members are required
 * (NS2010), members that are not repeatable are reported when repeated (NS1011, NS1002); each value
 * kind takes its sample, a property of words each of its words and no other, an integer its bounds
 * and not beyond; the lexer's keywords, the model's enums and the RKE2 catalogue agree with it.
 * The analyzers read their schemas from the generated {@link NetspecVocabulary}; the checks here
 * hold what they do with them (and the hand-written word checks: roles, backends, isolation, on/off).
 */
class VocabularyDataTest {
    private static final String FILE = "v.netspec";
    /** Written before every case: the network that interfaces and `canal { on }` name. */
    private static final String PREAMBLE = "network n { cidr 10.0.1.0/24 }\n";
    /** Where a case's statement goes. */
    private static final String HERE = "{}";
    /** kube-proxy reads its IPVS-only properties (and checks their words) in ipvs mode only. */
    private static final Map<String, String> CONTEXT_LABELS = Map.of("kube-proxy", "ipvs");
    /** The codes of a value or word the compiler does not take (beyond NS0, NS1 and NS2, which all refuse). */
    private static final Set<Code> UNKNOWN_WORD = Set.of(Code.NS4005, Code.NS4009, Code.NS4010, Code.NS4013);

    private static VocabularyData data;

    @BeforeAll
    static void load() throws IOException {
        data = VocabularyData.load(GeneratedFilesTest.VOCABULARY);
    }

    @Test
    void theKeywordsAreTheLexersInItsOrder() {
        Vocabulary lexer = NetSpecLexer.VOCABULARY;
        List<String> keywords = new ArrayList<>();
        for (int type = 1; type <= lexer.getMaxTokenType(); type++) {
            String literal = lexer.getLiteralName(type);
            if (literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1))) {
                keywords.add(literal.substring(1, literal.length() - 1));
            }
        }
        assertThat(data.keywords()).as("keywords of kinds.tsv").isEqualTo(keywords);
        assertThat(NetspecVocabulary.KEYWORDS).isEqualTo(keywords);
    }

    @Test
    void theModelsEnumsHaveTheWordsOfTheirSets() {
        assertThat(Arrays.stream(Role.values()).map(Role::yamlName).toList())
                .isEqualTo(data.wordSet("role").words());
        assertThat(Arrays.stream(Canal.Backend.values())
                        .map(Canal.Backend::chartValue)
                        .toList())
                .isEqualTo(data.wordSet("canal-backend").words());
    }

    @Test
    void everyMemberIsAcceptedInItsBlock() {
        SoftAssertions softly = new SoftAssertions();
        for (VocabularyData.Kind block : data.blocks()) {
            for (VocabularyData.Member member : data.members(block.kind())) {
                if (!member.isLabel()) {
                    softly.assertThat(refusals(block, sample(member, 0)))
                            .as("`%s` in %s", sample(member, 0), block.description())
                            .isEmpty();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void whatABlockDoesNotHoldIsRefusedWithTheHomeTheDataGivesIt() {
        SoftAssertions softly = new SoftAssertions();
        for (VocabularyData.Kind block : data.blocks()) {
            List<String> held = data.completions(block.kind());
            for (VocabularyData.Kind other : data.kinds()) {
                if ((other.isBlock() || other.isStatement()) && !held.contains(other.kind())) {
                    String text = other.isBlock() ? blockSample(other, 0) : statementSample(other.kind(), 0);
                    String what = other.isBlock() ? "a `" + other.kind() + "` block" : other.description();
                    softly.assertThat(onLine(block, text))
                            .as("`%s` in %s", text, block.description())
                            .anySatisfy(d -> {
                                assertThat(d.code()).isEqualTo(Code.NS1007);
                                assertThat(d.message()).isEqualTo(what + " is not allowed in " + block.description());
                                assertThat(d.help()).contains(other.home());
                            });
                }
            }
            for (String property : data.propertyNames()) {
                if (!held.contains(property) && !data.keywords().contains(property)) {
                    softly.assertThat(onLine(block, property))
                            .as("`%s` in %s", property, block.description())
                            .anySatisfy(d -> assertThat(d.message())
                                    .isEqualTo("`" + property + "` is not a property of " + block.description()));
                }
            }
            List<String> properties = data.words(block.kind(), "property");
            String note = properties.isEmpty()
                    ? block.description() + " takes no properties"
                    : "properties of " + block.description() + ": " + String.join(", ", properties);
            softly.assertThat(onLine(block, "zzzzzzzzzzzz"))
                    .as("an unknown property in %s", block.description())
                    .anySatisfy(d -> assertThat(d.notes()).containsExactly(note));
        }
        softly.assertAll();
    }

    @Test
    void requiredMembersAreRequired() {
        SoftAssertions softly = new SoftAssertions();
        for (VocabularyData.Kind block : data.blocks()) {
            List<VocabularyData.Member> required = data.members(block.kind()).stream()
                    .filter(VocabularyData.Member::required)
                    .toList();
            if (required.isEmpty()) {
                continue;
            }
            VocabularyData.Kind parent = parent(block);
            softly.assertThat(codes(onLine(parent, oneLine(block, required, null, 0))))
                    .as("%s with %s", block.kind(), required)
                    .doesNotContain(Code.NS2010);
            for (VocabularyData.Member missing : required) {
                softly.assertThat(codes(onLine(parent, oneLine(block, required, missing, 0))))
                        .as("%s without %s", block.kind(), missing.word())
                        .contains(Code.NS2010);
            }
        }
        softly.assertAll();
    }

    @Test
    void membersThatAreNotRepeatableAreReportedTheSecondTime() {
        SoftAssertions softly = new SoftAssertions();
        for (VocabularyData.Kind block : data.blocks()) {
            for (VocabularyData.Member member : data.members(block.kind())) {
                if (member.isLabel()) {
                    continue;
                }
                String first = sample(member, 0);
                List<Code> second = codes(onLine(block, first + "\n" + sample(member, 1), 1));
                if (member.repeatable()) {
                    softly.assertThat(second)
                            .as("`%s` twice in %s", member.word(), block.description())
                            .doesNotContain(Code.NS1011, Code.NS1002);
                } else {
                    softly.assertThat(second)
                            .as("`%s` twice in %s", member.word(), block.description())
                            .containsAnyOf(Code.NS1011, Code.NS1002);
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void wordsAreTakenWhereTheirSetIsAndNoOthers() {
        SoftAssertions softly = new SoftAssertions();
        for (VocabularyData.Member member : data.members()) {
            List<String> words = data.words(member);
            if (words.isEmpty()) {
                continue;
            }
            VocabularyData.Kind block = data.kind(member.block()).orElseThrow();
            for (String word : words) {
                String text = withValue(member, word);
                softly.assertThat(member.isLabel() ? refusals(parent(block), text) : refusals(block, text))
                        .as("`%s`", text)
                        .isEmpty();
            }
            String wrong = withValue(member, "zzzz");
            softly.assertThat(member.isLabel() ? refusals(parent(block), wrong) : refusals(block, wrong))
                    .as("`%s`", wrong)
                    .isNotEmpty();
        }
        softly.assertAll();
    }

    @Test
    void integersAreTakenWithinTheirBounds() {
        SoftAssertions softly = new SoftAssertions();
        for (VocabularyData.Member member : data.members()) {
            VocabularyData.ValueSpec value = member.value();
            if (!value.kind().equals("integer")) {
                continue;
            }
            VocabularyData.Kind block = data.kind(member.block()).orElseThrow();
            for (long n : new long[] {value.min(), value.max()}) {
                softly.assertThat(refusals(block, member.word() + " " + n))
                        .as("%s %s", member.word(), n)
                        .isEmpty();
            }
            softly.assertThat(codes(onLine(block, member.word() + " " + (value.max() + 1))))
                    .as("%s above %s", member.word(), value.max())
                    .contains(Code.NS2012);
            if (value.min() > 0) {
                softly.assertThat(codes(onLine(block, member.word() + " " + (value.min() - 1))))
                        .as("%s below %s", member.word(), value.min())
                        .contains(Code.NS2012);
            }
        }
        softly.assertAll();
    }

    @Test
    void theRke2KeysNetcWritesAreRke2sAndRefusedInRke2Blocks() {
        SoftAssertions softly = new SoftAssertions();
        VocabularyData.Kind cluster = data.kind("cluster").orElseThrow();
        for (VocabularyData.Member member : data.members()) {
            if (member.rke2().isEmpty()) {
                continue;
            }
            softly.assertThat(Rke2KeyCatalogue.find(member.rke2()))
                    .as("RKE2 key %s", member.rke2())
                    .isPresent();
            softly.assertThat(onLine(cluster, "rke2 { " + member.rke2() + " = \"x\" }"))
                    .as("rke2 { %s }", member.rke2())
                    .anySatisfy(d -> {
                        assertThat(d.code()).isEqualTo(Code.NS4003);
                        assertThat(d.help())
                                .hasValueSatisfying(help -> assertThat(help)
                                        .startsWith("use `" + member.word() + "` in the " + member.block() + " block"));
                    });
        }
        softly.assertAll();
    }

    // ---- samples: what each member looks like when it is written ----------------------------------

    /** The member as written, the {@code i}-th time (names differ, so that repeating one declares no name twice). */
    private static String sample(VocabularyData.Member member, int i) {
        if (member.isBlock()) {
            return blockSample(data.kind(member.word()).orElseThrow(), i);
        }
        if (member.isStatement()) {
            return statementSample(member.word(), i);
        }
        return withValue(member, valueSample(member, i));
    }

    private static String withValue(VocabularyData.Member member, String value) {
        if (member.isLabel()) {
            VocabularyData.Kind block = data.kind(member.block()).orElseThrow();
            return block.kind() + " " + value + " { }";
        }
        return value.isEmpty() ? member.word() : member.word() + " " + value;
    }

    private static String valueSample(VocabularyData.Member member, int i) {
        VocabularyData.ValueSpec value = member.value();
        return switch (value.kind()) {
            case "name" -> "x" + i;
            case "cidrs" -> "10.99.0.0/16";
            case "integer" -> String.valueOf(value.min());
            case "secret" -> "env(\"T\")";
            case "host", "address" -> "10.0.1.10";
            case "addresses" -> "10.43.0.10";
            case "text" -> "cluster.local";
            case "texts" -> "api.example";
            case "url" -> "\"http://proxy.example:3128\"";
            case "path" -> "\"/opt/content\"";
            case "word", "words", "optional-words" -> data.words(member).get(0);
            case "flag" -> "";
            case "duration" -> "30s";
            case "network" -> "n";
            case "interfaces" -> "eth0 10.0.1.10 on n";
            case "named-ports" -> "http" + i + " 80/tcp";
            default -> throw new AssertionError("no sample of value kind " + value.kind() + ": add one here");
        };
    }

    /** A block as written, with its label and its required members. */
    private static String blockSample(VocabularyData.Kind kind, int i) {
        List<VocabularyData.Member> required = data.members(kind.kind()).stream()
                .filter(VocabularyData.Member::required)
                .toList();
        return oneLine(kind, required, null, i);
    }

    /** {@code kind label { required; ... }} on one line, without {@code missing}, the {@code i}-th time. */
    private static String oneLine(
            VocabularyData.Kind kind, List<VocabularyData.Member> required, VocabularyData.Member missing, int i) {
        StringBuilder text = new StringBuilder(kind.kind());
        data.label(kind.kind())
                .filter(label -> label != missing)
                .ifPresent(label -> text.append(' ').append(valueSample(label, i)));
        List<String> members = required.stream()
                .filter(m -> !m.isLabel() && m != missing)
                .map(m -> sample(m, 0))
                .toList();
        return text.append(" { ")
                .append(String.join("; ", members))
                .append(members.isEmpty() ? "}" : " }")
                .toString();
    }

    private static String statementSample(String keyword, int i) {
        return switch (keyword) {
            case "import" ->
                "import \"" + List.of("std/ports", "std/monitoring").get(i) + "\"";
            case "param" -> "param p" + i + ": int = 1";
            case "external" -> "external e" + i + " = 10." + (100 + i) + ".0.0/16";
            case "port" -> "port p" + i + " = 80/tcp";
            case "allow" -> "allow * -> *";
            case "expect" -> "expect allow * -> *"; // nothing isolated: everything is allowed
            case "pods" -> "pods a" + i + "=b";
            case "labels" -> "labels a" + i + "=b";
            case "rke2" -> "rke2 { }";
            default -> throw new AssertionError("no sample of statement " + keyword + ": add one here");
        };
    }

    // ---- compiling a case ---------------------------------------------------------------------------

    /** The block that holds {@code block} (the first of contents.tsv); empty for the top level. */
    private static VocabularyData.Kind parent(VocabularyData.Kind block) {
        return data.members().stream()
                .filter(m -> m.isBlock() && m.word().equals(block.kind()))
                .findFirst()
                .flatMap(m -> data.kind(m.block()))
                .orElseThrow(() -> new AssertionError(block.kind() + " is in no block"));
    }

    /** A file with {@link #HERE} where a statement of {@code block} goes: inside its parents' blocks, each on lines of its own. */
    private static String context(VocabularyData.Kind block) {
        if (block.kind().equals(VocabularyData.TOP)) {
            return PREAMBLE + HERE + "\n";
        }
        Optional<VocabularyData.Member> label = data.label(block.kind());
        String header = block.kind()
                + label.map(l -> " " + CONTEXT_LABELS.getOrDefault(block.kind(), valueSample(l, 0)))
                        .orElse("");
        return context(parent(block)).replace(HERE, header + " {\n" + HERE + "\n}");
    }

    /** The diagnostics of {@code statements} written in {@code block}, on the statement's first line. */
    private static List<Diagnostic> onLine(VocabularyData.Kind block, String statements) {
        return onLine(block, statements, 0);
    }

    /** The diagnostics on the {@code index}-th line of {@code statements} (0 for the first). */
    private static List<Diagnostic> onLine(VocabularyData.Kind block, String statements, int index) {
        String context = context(block);
        int line = (int) context.substring(0, context.indexOf(HERE))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1
                + index;
        String text = context.replace(HERE, statements);
        return Compiler.compile(new Compiler.Request(
                        List.of(),
                        List.of(new SourceFile(FILE, text)),
                        Path.of(""),
                        Path.of(""),
                        Map.of(),
                        SecretSource.of(Map.of("T", "secret")),
                        Emitter.Options.DEFAULT))
                .diagnostics()
                .stream()
                .filter(d -> d.primary() != null
                        && d.primary().file().displayName().equals(FILE)
                        && d.primary().line() == line)
                .toList();
    }

    /** What on the statement's line says the compiler does not take it: syntax, names, values, unknown words. */
    private static List<Diagnostic> refusals(VocabularyData.Kind block, String statement) {
        return onLine(block, statement).stream()
                .filter(d -> UNKNOWN_WORD.contains(d.code())
                        || d.code().name().startsWith("NS0")
                        || d.code().name().startsWith("NS1")
                        || d.code().name().startsWith("NS2"))
                .toList();
    }

    private static List<Code> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::code).toList();
    }
}

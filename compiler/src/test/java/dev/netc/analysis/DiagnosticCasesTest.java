package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.netc.compile.Batch;
import dev.netc.compile.Compiler;
import dev.netc.compile.Limits;
import dev.netc.compile.SitesFile;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Severity;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Inline-expectation tests: every {@code .netspec} file under
 * {@code src/test/resources/diagnostics/} is one case, compiled in-process on its own.
 *
 * <p>Comments in a case say what the compiler must report:
 * <ul>
 *   <li>{@code // error: NS2001} (or {@code warning:}, {@code note:}): a diagnostic with this code
 *       and severity starts on this line; several may be listed, {@code // error: NS2001, NS2003},
 *       and severities combined, {@code // error: NS1001 // warning: NS2015}.</li>
 *   <li>{@code // error: NS2026 "smaller than"}: a code may be followed by a fragment in double
 *       quotes (without a double quote in it) that must occur in the diagnostic's message, where
 *       the code alone does not say which of its problems is meant:
 *       {@code // error: NS2001 "prefix length", NS2003}.</li>
 *   <li>{@code // error-global: NS1009}: a diagnostic without a source position (a problem of
 *       the invocation, e.g. {@code --set} of an undeclared parameter), on any line.</li>
 *   <li>{@code // set: name=value}: a {@code --set} parameter; {@code // env: NAME=value}: a
 *       variable of the environment that {@code env("NAME")} reads. Nothing else is in it.</li>
 *   <li>{@code // option: canal-configmap}: compile as {@code netc compile --canal-configmap};
 *       {@code // option: max-errors=3}: with a lower limit on errors than the default 1,000.</li>
 *   <li>{@code // sites: _fleet.sites}: the case is a fleet template, compiled once per row of that
 *       sites file (beside it) as {@code netc compile --sites} does. Expectations for the sites
 *       file are written in it after {@code #}: {@code store-1,x  # error: NS1030}.</li>
 * </ul>
 * Every other diagnostic fails the case, so a file without expectations (the {@code ok-*}
 * files) must compile cleanly, without warnings. Files whose name starts with {@code _} are
 * not cases: they are modules the cases import. Imports may not leave the
 * {@code diagnostics/} folder, which is the project root of every case.
 */
public class DiagnosticCasesTest {
    static final Path ROOT = Path.of("src", "test", "resources", "diagnostics");

    static final Path MAIN_SOURCES = Path.of("src", "main", "java");

    /**
     * Codes that no case file can provoke: an internal error is a bug, reported by the command
     * line; the others need what a text file in this folder cannot be or have, and are tested
     * where they can be made: bytes that are not UTF-8 (HostileInputTest), an output folder that
     * cannot be written (OutputWriterTest, CliTest), an input that is not there (InputsTest), a link in an input folder (ImportConfinementTest),
     * a query of {@code netc query} (QueryCommandTest), a site name with {@code --fleet}
     * (GitOpsTreesTest), the YAML input of {@code netc import} (PolicyImportTest, ImportCommandTest).
     */
    public static final Set<String> NOT_PROVOKABLE = Set.of(
            "NS9001", "NS0010", "NS0012", "NS0020", "NS1020", "NS1032", "NS1040", "NS1050", "NS1051", "NS1052",
            "NS1053");

    private static final Pattern CODE_REFERENCE = Pattern.compile("\\bCode\\.(NS\\d{4})\\b");

    /** One expected code, with or without a fragment of its message: {@code NS2026 "smaller than"}. */
    private static final String ITEM = "(NS\\d{4})(?:\\s*\"([^\"]+)\")?";

    private static final Pattern ITEMS = Pattern.compile("\\s*,?\\s*" + ITEM);
    private static final Pattern EXPECTATION = Pattern.compile(
            "//\\s*(error|warning|note)(-global)?:\\s*(" + ITEM + "(?:\\s*,\\s*" + ITEM + ")*)\\s*(?=//|$)");
    private static final Pattern LOOKS_LIKE_EXPECTATION = Pattern.compile("//\\s*(error|warning|note)");
    private static final Pattern SETTING = Pattern.compile("^\\s*//\\s*(set|env):\\s*([^=\\s]+)=(.*)$");
    private static final Pattern OPTION = Pattern.compile("^\\s*//\\s*option:\\s*canal-configmap\\s*$");
    private static final Pattern MAX_ERRORS = Pattern.compile("^\\s*//\\s*option:\\s*max-errors=(\\d+)\\s*$");
    private static final Pattern SITES = Pattern.compile("^\\s*//\\s*sites:\\s*(\\S+)\\s*$");

    /**
     * One expected diagnostic in {@code file} (relative to the case folder); line 0 for a global
     * one.
     *
     * @param fragment text its message must contain; empty for any message
     */
    public record Expected(String file, int line, Severity severity, Code code, String fragment)
            implements Comparable<Expected> {
        /** A diagnostic of this code, whatever its message. */
        public Expected(String file, int line, Severity severity, Code code) {
            this(file, line, severity, code, "");
        }

        @Override
        public int compareTo(Expected other) {
            int byFile = file.compareTo(other.file);
            int byLine = Integer.compare(line, other.line);
            int byCode = code.compareTo(other.code);
            return byFile != 0
                    ? byFile
                    : byLine != 0 ? byLine : byCode != 0 ? byCode : fragment.compareTo(other.fragment);
        }

        /** Whether a diagnostic reported at {@code where} (an expectation without fragment) with {@code message} meets this one. */
        boolean metBy(Expected where, String message) {
            return file.equals(where.file)
                    && line == where.line
                    && severity == where.severity
                    && code == where.code
                    && message.contains(fragment);
        }

        String describe() {
            return (line == 0 ? file + " (global)" : file + ":" + line) + " " + severity.label() + "[" + code + "]"
                    + (fragment.isEmpty() ? "" : " \"" + fragment + "\"");
        }
    }

    /** What is left of a comparison of expectations with the diagnostics reported. */
    public record Unmatched(List<Expected> missing, List<Diagnostic> unexpected) {
        public boolean isEmpty() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }

    /**
     * Pairs each diagnostic with an expectation it meets, one with a message fragment before one
     * without; {@code where} says where a diagnostic was reported, as an expectation without
     * fragment.
     */
    public static Unmatched match(
            List<Expected> expected, List<Diagnostic> diagnostics, Function<Diagnostic, Expected> where) {
        List<Expected> missing = new ArrayList<>(expected);
        missing.sort(
                (a, b) -> Boolean.compare(a.fragment().isEmpty(), b.fragment().isEmpty()));
        List<Diagnostic> unexpected = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            Expected at = where.apply(diagnostic);
            Optional<Expected> met = missing.stream()
                    .filter(e -> e.metBy(at, diagnostic.message()))
                    .findFirst();
            if (met.isPresent()) {
                missing.remove(met.get());
            } else {
                unexpected.add(diagnostic);
            }
        }
        return new Unmatched(missing, unexpected);
    }

    /**
     * A parsed case file: what it expects (also in the {@code _} modules it imports directly,
     * where e.g. the import closing a cycle is reported) and the settings it compiles with.
     */
    public record Case(
            Path file,
            List<Expected> expected,
            Map<String, String> params,
            Map<String, String> env,
            boolean canalConfigMap,
            Limits limits,
            Path sites) {}

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        return caseFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> check(file)));
    }

    /**
     * Every code has a case that provokes it, and no case expects a code the compiler's source
     * never refers to (as {@code Code.NS2001}).
     */
    @Test
    void everyCodeHasAFailingCase() throws IOException {
        Set<String> emitted = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(MAIN_SOURCES)) {
            for (Path source : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_REFERENCE.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    emitted.add(m.group(1));
                }
            }
        }
        Set<String> covered = new TreeSet<>();
        for (Path file : caseFiles()) {
            read(file).expected().forEach(e -> covered.add(e.code().name()));
        }
        Set<String> missing = new TreeSet<>(emitted);
        Arrays.stream(Code.values()).map(Code::name).forEach(missing::add);
        missing.removeAll(covered);
        missing.removeAll(NOT_PROVOKABLE);
        assertThat(missing).as("codes without a case under %s", ROOT).isEmpty();
        Set<String> neverEmitted = new TreeSet<>(covered);
        neverEmitted.removeAll(emitted);
        assertThat(neverEmitted)
                .as("codes that cases expect but nothing in %s emits", MAIN_SOURCES)
                .isEmpty();
    }

    @Test
    void thereArePassingCases() throws IOException {
        List<Path> passing = new ArrayList<>();
        for (Path file : caseFiles()) {
            if (read(file).expected().isEmpty()) {
                passing.add(file);
            }
        }
        assertThat(passing).as("case files without expectations (ok-*.netspec)").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void malformedExpectationsAreRejected() {
        assertThat(parseExpectations("f", "allow a -> b // error: NS20O1", 1)).isNull();
        assertThat(parseExpectations("f", "allow a -> b // error: NS0000", 1)).isNull();
        assertThat(parseExpectations("f", "allow a -> b // errors: NS2001", 1)).isNull();
        assertThat(parseExpectations("f", "allow a -> b // a plain comment", 1)).isEmpty();
        assertThat(parseExpectations("f", "allow a -> b // warning: NS2015, NS2001", 3))
                .containsExactly(
                        new Expected("f", 3, Severity.WARNING, Code.NS2015),
                        new Expected("f", 3, Severity.WARNING, Code.NS2001));
        assertThat(parseExpectations("f", "token \"x\" // error: NS1001 // warning: NS2015", 2))
                .containsExactly(
                        new Expected("f", 2, Severity.ERROR, Code.NS1001),
                        new Expected("f", 2, Severity.WARNING, Code.NS2015));
        assertThat(parseExpectations("f", "token \"x\" // error: NS1001 // warning NS2015", 2))
                .isNull();
        assertThat(parseExpectations("f", "// error-global: NS1009", 7))
                .containsExactly(new Expected("f", 0, Severity.ERROR, Code.NS1009));
    }

    @Test
    void anExpectationMayPinAFragmentOfTheMessage() {
        assertThat(parseExpectations(
                        "f",
                        "pods 10.42.0.0/25 // error: NS2026 \"smaller than\", NS2003 // warning: NS3008 \"a, b\"",
                        4))
                .containsExactly(
                        new Expected("f", 4, Severity.ERROR, Code.NS2026, "smaller than"),
                        new Expected("f", 4, Severity.ERROR, Code.NS2003),
                        new Expected("f", 4, Severity.WARNING, Code.NS3008, "a, b"));
        assertThat(parseExpectations("f", "x // error: NS2026 \"\"", 1))
                .as("an empty fragment")
                .isNull();
        assertThat(parseExpectations("f", "x // error: NS2026 \"unclosed", 1)).isNull();
        assertThat(parseExpectations("f", "x // error: \"no code\"", 1)).isNull();

        Expected smaller = new Expected("f", 4, Severity.ERROR, Code.NS2026, "smaller than");
        Expected where = new Expected("f", 4, Severity.ERROR, Code.NS2026);
        assertThat(smaller.metBy(where, "pod range `10.42.0.0/25` does not fit the nodes: smaller than one node's /24"))
                .isTrue();
        assertThat(smaller.metBy(where, "pod range `fd00:42::/40` does not fit the nodes: more than 16 bits wider"))
                .isFalse();
        assertThat(where.metBy(where, "any message")).isTrue();
    }

    public static List<Path> caseFiles() throws IOException {
        assertThat(ROOT)
                .as("the case folder (tests run in the compiler module's folder)")
                .isDirectory();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".netspec") && Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        }
    }

    /** The file's path relative to the case folder, with `/`. */
    static String name(Path file) {
        return ROOT.toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
    }

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+\"([^\"$]+)\"");

    public static Case read(Path file) throws IOException {
        Case own = readOne(file);
        List<Expected> expected = new ArrayList<>(own.expected());
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Matcher m = IMPORT.matcher(line);
            if (m.find() && !m.group(1).startsWith("std/")) {
                String target = m.group(1).endsWith(".netspec") ? m.group(1) : m.group(1) + ".netspec";
                Path module = file.resolveSibling(target).normalize();
                if (module.getFileName().toString().startsWith("_")
                        && Files.isRegularFile(module)
                        && module.toAbsolutePath()
                                .normalize()
                                .startsWith(ROOT.toAbsolutePath().normalize())) {
                    expected.addAll(readOne(module).expected());
                }
            }
        }
        if (own.sites() != null) {
            expected.addAll(sitesFileExpectations(own.sites()));
        }
        return new Case(file, expected, own.params(), own.env(), own.canalConfigMap(), own.limits(), own.sites());
    }

    private static Case readOne(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Expected> expected = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        boolean canalConfigMap = false;
        Limits limits = Limits.DEFAULT;
        Path sites = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (OPTION.matcher(line).matches()) {
                canalConfigMap = true;
                continue;
            }
            Matcher sitesDirective = SITES.matcher(line);
            if (sitesDirective.matches()) {
                sites = file.resolveSibling(sitesDirective.group(1));
                continue;
            }
            Matcher maxErrors = MAX_ERRORS.matcher(line);
            if (maxErrors.matches()) {
                limits = new Limits(limits.maxFileBytes(), Integer.parseInt(maxErrors.group(1)));
                continue;
            }
            Matcher setting = SETTING.matcher(line);
            if (setting.matches()) {
                (setting.group(1).equals("set") ? params : env)
                        .put(setting.group(2), setting.group(3).strip());
                continue;
            }
            List<Expected> onLine = parseExpectations(name(file), line, i + 1);
            if (onLine == null) {
                fail(name(file) + ":" + (i + 1)
                        + ": malformed expectation comment, write e.g. `// error: NS2001, NS2003`: " + line.strip());
            }
            expected.addAll(onLine);
        }
        return new Case(file, expected, params, env, canalConfigMap, limits, sites);
    }

    /** Expectations in a sites file, whose comments start with {@code #}. */
    private static List<Expected> sitesFileExpectations(Path sites) throws IOException {
        List<String> lines = Files.readAllLines(sites, StandardCharsets.UTF_8);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int comment = lines.get(i).indexOf('#');
            List<Expected> onLine = comment < 0
                    ? List.of()
                    : parseExpectations(name(sites), "//" + lines.get(i).substring(comment + 1), i + 1);
            if (onLine == null) {
                fail(name(sites) + ":" + (i + 1) + ": malformed expectation comment, write e.g. `# error: NS1030`");
            }
            expected.addAll(onLine);
        }
        return expected;
    }

    /**
     * The expectations written on one line, e.g. {@code // error: NS1001, NS2003 // warning: NS2015};
     * null when a comment looks like one but is malformed.
     */
    public static List<Expected> parseExpectations(String file, String line, int lineNumber) {
        List<Expected> result = new ArrayList<>();
        Matcher m = EXPECTATION.matcher(line);
        int found = 0;
        while (m.find()) {
            found++;
            Severity severity = Severity.valueOf(m.group(1).toUpperCase(Locale.ROOT));
            int target = m.group(2) == null ? lineNumber : 0;
            Matcher item = ITEMS.matcher(m.group(3));
            while (item.find()) {
                Code code = Code.parse(item.group(1));
                if (code == null) {
                    return null;
                }
                result.add(new Expected(file, target, severity, code, item.group(2) == null ? "" : item.group(2)));
            }
        }
        long lookalikes = LOOKS_LIKE_EXPECTATION.matcher(line).results().count();
        return lookalikes == found ? result : null;
    }

    public static List<Diagnostic> compile(Case testCase) throws IOException {
        Path root = ROOT.toAbsolutePath().normalize();
        Compiler.Request request = new Compiler.Request(
                List.of(testCase.file().toAbsolutePath()),
                List.of(),
                root,
                root,
                testCase.params(),
                SecretSource.of(testCase.env()),
                Emitter.Options.builder()
                        .legacyCanalConfigMap(testCase.canalConfigMap())
                        .build());
        return testCase.sites() == null
                ? Compiler.compile(request, testCase.limits()).diagnostics()
                : compileFleet(request, testCase.sites());
    }

    /** Every diagnostic of a fleet: its sites file's, then each site's. */
    private static List<Diagnostic> compileFleet(Compiler.Request request, Path sites) throws IOException {
        Compiler.Loaded template = Compiler.load(request);
        DiagnosticSink sink = new DiagnosticSink();
        SourceFile sitesFile = new SourceFile(name(sites), Files.readString(sites, StandardCharsets.UTF_8), sites);
        List<SitesFile.Row> rows = SitesFile.parse(sitesFile, Batch.declaredParams(template), sink);
        List<Diagnostic> all = new ArrayList<>(sink.sorted());
        Batch.run(Batch.fleet(template, rows, request), 1, (site, files) -> {})
                .forEach(outcome -> all.addAll(outcome.diagnostics()));
        return all;
    }

    private static void check(Path file) throws IOException {
        Case testCase = read(file);
        List<Diagnostic> diagnostics = compile(testCase);
        String caseName = name(file);

        Unmatched unmatched = match(testCase.expected(), diagnostics, d -> actual(d, caseName));
        if (unmatched.isEmpty()) {
            return;
        }
        List<Diagnostic> unexpected = unmatched.unexpected();
        List<Expected> missing = unmatched.missing();
        StringBuilder report = new StringBuilder("diagnostics of " + caseName + " differ from its expectations\n");
        if (!unexpected.isEmpty()) {
            report.append("unexpected:\n");
            unexpected.forEach(
                    d -> report.append("  ").append(describe(d, caseName)).append('\n'));
        }
        if (!missing.isEmpty()) {
            report.append("missing:\n");
            new TreeSet<>(missing)
                    .forEach(e -> report.append("  ").append(e.describe()).append('\n'));
        }
        report.append("all reported:\n");
        diagnostics.forEach(
                d -> report.append("  ").append(describe(d, caseName)).append('\n'));
        fail(report.toString());
    }

    /** A reported diagnostic in the terms of an expectation; its file is "" outside the case folder. */
    private static Expected actual(Diagnostic diagnostic, String caseName) {
        if (diagnostic.primary() == null) {
            return new Expected(caseName, 0, diagnostic.severity(), diagnostic.code());
        }
        return new Expected(
                fileName(diagnostic), diagnostic.primary().line(), diagnostic.severity(), diagnostic.code());
    }

    private static String fileName(Diagnostic diagnostic) {
        return diagnostic
                .primary()
                .file()
                .path()
                .filter(p -> p.toAbsolutePath()
                        .normalize()
                        .startsWith(ROOT.toAbsolutePath().normalize()))
                .map(DiagnosticCasesTest::name)
                .orElse("");
    }

    private static String describe(Diagnostic d, String caseName) {
        String where = d.primary() == null
                ? caseName + " (global)"
                : fileName(d).isEmpty()
                        ? d.primary().location()
                        : fileName(d) + ":" + d.primary().line() + ":"
                                + d.primary().column();
        String extra = d.help().map(h -> " (help: " + h + ")").orElse("")
                + (d.notes().isEmpty() ? "" : d.notes().stream().collect(Collectors.joining("; ", " (note: ", ")")));
        return where + " " + d.severity().label() + "[" + d.code() + "]: " + d.message() + extra;
    }
}

package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Severity;
import dev.netc.emit.Emitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 *       and severity starts on this line; several may be listed, {@code // error: NS2001, NS2003}.</li>
 *   <li>{@code // error-global: NS1009}: a diagnostic without a source position (a problem of
 *       the invocation, e.g. {@code --set} of an undeclared parameter), on any line.</li>
 *   <li>{@code // set: name=value}: a {@code --set} parameter; {@code // env: NAME=value}: a
 *       variable of the environment that {@code env("NAME")} reads. Nothing else is in it.</li>
 * </ul>
 * Every other diagnostic fails the case, so a file without expectations (the {@code ok-*}
 * files) must compile cleanly, without warnings. Files whose name starts with {@code _} are
 * not cases: they are modules the cases import. Imports may not leave the
 * {@code diagnostics/} folder, which is the project root of every case.
 */
class DiagnosticCasesTest {
    static final Path ROOT = Path.of("src", "test", "resources", "diagnostics");

    /** Codes the compiler declares but does not emit yet; every other code must have a failing case. */
    static final Set<Code> NOT_EMITTED = EnumSet.of(Code.NS2018, Code.NS3002, Code.NS3003, Code.NS4008, Code.NS9001);

    private static final Pattern EXPECTATION = Pattern.compile(
            "//\\s*(error|warning|note)(-global)?:\\s*(NS\\d{4}(?:\\s*,\\s*NS\\d{4})*)\\s*$");
    private static final Pattern LOOKS_LIKE_EXPECTATION = Pattern.compile("//\\s*(error|warning|note)");
    private static final Pattern SETTING = Pattern.compile("^\\s*//\\s*(set|env):\\s*([^=\\s]+)=(.*)$");

    /** One expected diagnostic: line 0 for a global one. */
    record Expected(int line, Severity severity, Code code) implements Comparable<Expected> {
        @Override
        public int compareTo(Expected other) {
            int byLine = Integer.compare(line, other.line);
            return byLine != 0 ? byLine : code.compareTo(other.code);
        }

        String describe(String file) {
            return (line == 0 ? file + " (global)" : file + ":" + line) + " " + severity.label() + "[" + code + "]";
        }
    }

    /** A parsed case file: what it expects and the settings it compiles with. */
    record Case(Path file, List<Expected> expected, Map<String, String> params, Map<String, String> env) {
    }

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        return caseFiles().stream().map(file -> DynamicTest.dynamicTest(name(file), file.toUri(), () -> check(file)));
    }

    @Test
    void everyEmittedCodeHasAFailingCase() throws IOException {
        Set<Code> covered = EnumSet.noneOf(Code.class);
        for (Path file : caseFiles()) {
            read(file).expected().forEach(e -> covered.add(e.code()));
        }
        Set<Code> missing = EnumSet.allOf(Code.class);
        missing.removeAll(covered);
        missing.removeAll(NOT_EMITTED);
        assertThat(missing)
                .as("codes without a case under %s: add one, or list the code in NOT_EMITTED if nothing emits it", ROOT)
                .isEmpty();
        assertThat(EnumSet.copyOf(NOT_EMITTED).stream().filter(covered::contains).toList())
                .as("codes listed in NOT_EMITTED that a case expects: take them off the list")
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
        assertThat(parseExpectations("allow a -> b // error: NS20O1", 1)).isNull();
        assertThat(parseExpectations("allow a -> b // errors: NS2001", 1)).isNull();
        assertThat(parseExpectations("allow a -> b // a plain comment", 1)).isEmpty();
        assertThat(parseExpectations("allow a -> b // warning: NS2015, NS2001", 3))
                .containsExactly(new Expected(3, Severity.WARNING, Code.NS2015), new Expected(3, Severity.WARNING, Code.NS2001));
        assertThat(parseExpectations("// error-global: NS1009", 7)).containsExactly(new Expected(0, Severity.ERROR, Code.NS1009));
    }

    static List<Path> caseFiles() throws IOException {
        assertThat(ROOT).as("the case folder (tests run in the compiler module's folder)").isDirectory();
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".netspec") && Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().startsWith("_"))
                    .sorted()
                    .toList();
        }
    }

    private static String name(Path file) {
        return ROOT.relativize(file).toString().replace('\\', '/');
    }

    static Case read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Expected> expected = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher setting = SETTING.matcher(line);
            if (setting.matches()) {
                (setting.group(1).equals("set") ? params : env).put(setting.group(2), setting.group(3).strip());
                continue;
            }
            List<Expected> onLine = parseExpectations(line, i + 1);
            if (onLine == null) {
                fail(name(file) + ":" + (i + 1) + ": malformed expectation comment, write e.g. `// error: NS2001, NS2003`: "
                        + line.strip());
            }
            expected.addAll(onLine);
        }
        return new Case(file, expected, params, env);
    }

    /** The expectations written on one line; null when a comment looks like one but is malformed. */
    static List<Expected> parseExpectations(String line, int lineNumber) {
        Matcher m = EXPECTATION.matcher(line);
        if (!m.find()) {
            return LOOKS_LIKE_EXPECTATION.matcher(line).find() ? null : List.of();
        }
        Severity severity = Severity.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        int target = m.group(2) == null ? lineNumber : 0;
        List<Expected> result = new ArrayList<>();
        for (String text : m.group(3).split(",")) {
            Code code = Code.parse(text);
            if (code == null) {
                return null;
            }
            result.add(new Expected(target, severity, code));
        }
        return result;
    }

    static Compiler.Result compile(Case testCase) {
        Path root = ROOT.toAbsolutePath().normalize();
        return Compiler.compile(new Compiler.Request(List.of(testCase.file().toAbsolutePath()), List.of(), root, root,
                testCase.params(), SecretSource.of(testCase.env()), new Emitter.Options(false)));
    }

    private static void check(Path file) throws IOException {
        Case testCase = read(file);
        Compiler.Result result = compile(testCase);
        String caseName = name(file);

        List<Expected> missing = new ArrayList<>(testCase.expected());
        List<Diagnostic> unexpected = new ArrayList<>();
        for (Diagnostic diagnostic : result.diagnostics()) {
            boolean inCase = diagnostic.primary() == null
                    || diagnostic.primary().file().path().map(p -> p.equals(file.toAbsolutePath().normalize())).orElse(false);
            Expected actual = new Expected(diagnostic.primary() == null ? 0 : diagnostic.primary().line(),
                    diagnostic.severity(), diagnostic.code());
            if (!inCase || !missing.remove(actual)) {
                unexpected.add(diagnostic);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("diagnostics of " + caseName + " differ from its expectations\n");
        if (!unexpected.isEmpty()) {
            report.append("unexpected:\n");
            unexpected.forEach(d -> report.append("  ").append(describe(d, caseName)).append('\n'));
        }
        if (!missing.isEmpty()) {
            report.append("missing:\n");
            new TreeSet<>(missing).forEach(e -> report.append("  ").append(e.describe(caseName)).append('\n'));
        }
        report.append("all reported:\n");
        result.diagnostics().forEach(d -> report.append("  ").append(describe(d, caseName)).append('\n'));
        fail(report.toString());
    }

    private static String describe(Diagnostic d, String caseName) {
        String where = d.primary() == null ? caseName + " (global)"
                : d.primary().file().path().isPresent() && d.primary().file().path().get().startsWith(ROOT.toAbsolutePath().normalize())
                        ? ROOT.toAbsolutePath().normalize().relativize(d.primary().file().path().get()).toString().replace('\\', '/')
                                + ":" + d.primary().line() + ":" + d.primary().column()
                        : d.primary().location();
        String extra = d.help().map(h -> " (help: " + h + ")").orElse("")
                + (d.notes().isEmpty() ? "" : d.notes().stream().collect(Collectors.joining("; ", " (note: ", ")")));
        return where + " " + d.severity().label() + "[" + d.code() + "]: " + d.message() + extra;
    }
}

package dev.netc.diagnostics.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.netc.cli.Netc;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Explanation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --format text|json|sarif|github} and {@code --max-errors}: the same findings in every
 * format, machine formats valid and complete, the exit code independent of both options.
 */
class FormatsTest {
    /** Relative to the working directory (the module), so locations are relative paths; the space tests URI encoding. */
    private static final String FIXTURE = "src/test/resources/formats/mixed findings.netspec";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Netc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "sarif", "github"})
    void theExitCodeDoesNotDependOnTheFormat(String format) {
        assertThat(netc("check", "--format", format, FIXTURE).exit()).isEqualTo(1);
        assertThat(netc("check", "--format", format, "--max-errors", "1", FIXTURE)
                        .exit())
                .isEqualTo(1);
    }

    @Test
    void textGoesToStandardErrorAndTheMachineFormatsToStandardOutput() {
        Run text = netc("check", FIXTURE);
        assertThat(text.out()).isEmpty();
        assertThat(text.err())
                .contains(
                        "error[NS1002]",
                        "error[NS1001]",
                        "warning[NS2015]",
                        "--> " + FIXTURE + ":5:8",
                        "error: aborting because of 2 errors, 1 warning in 1 file");
        for (String format : List.of("json", "sarif", "github")) {
            Run run = netc("check", "--format", format, FIXTURE);
            assertThat(run.err()).as(format).isEmpty();
            assertThat(run.out()).as(format).contains("NS1001");
        }
    }

    @Test
    void jsonHasEveryDiagnosticWithLocationsFixesAndASummary() {
        JsonObject root = JsonParser.parseString(
                        netc("check", "--format", "json", FIXTURE).out())
                .getAsJsonObject();

        assertThat(root.get("tool").getAsString()).isEqualTo("netc");
        JsonArray diagnostics = root.getAsJsonArray("diagnostics");
        assertThat(codes(diagnostics)).containsExactly("NS1002", "NS1001", "NS2015");

        JsonObject duplicate = diagnostics.get(0).getAsJsonObject();
        assertThat(duplicate.get("severity").getAsString()).isEqualTo("error");
        assertLocation(duplicate.getAsJsonObject("location"), 5, 8, 5, 11);
        JsonObject first = duplicate.getAsJsonArray("related").get(0).getAsJsonObject();
        assertThat(first.get("message").getAsString()).isEqualTo("first declared here");
        assertLocation(first.getAsJsonObject("location"), 4, 8, 4, 11);

        JsonObject unknown = diagnostics.get(1).getAsJsonObject();
        assertLocation(unknown.getAsJsonObject("location"), 6, 17, 6, 21);
        assertThat(unknown.get("help").getAsString()).isEqualTo("did you mean `web`?");
        JsonObject fix = unknown.getAsJsonArray("fixes").get(0).getAsJsonObject();
        assertThat(fix.get("replacement").getAsString()).isEqualTo("web");
        assertLocation(fix.getAsJsonObject("location"), 6, 17, 6, 21);

        assertThat(diagnostics.get(2).getAsJsonObject().get("severity").getAsString())
                .isEqualTo("warning");
        JsonObject summary = root.getAsJsonObject("summary");
        assertThat(summary.get("errors").getAsInt()).isEqualTo(2);
        assertThat(summary.get("warnings").getAsInt()).isEqualTo(1);
        assertThat(summary.get("files").getAsInt()).isEqualTo(1);
        assertThat(summary.get("omitted").getAsInt()).isZero();
    }

    @Test
    void sarifIsValidAgainstTheSchemaWithRulesRelativeUrisAndFixes() throws IOException {
        String sarif = netc("check", "--format", "sarif", FIXTURE).out();

        assertThat(schemaErrors(sarif)).isEmpty();
        JsonObject run = JsonParser.parseString(sarif)
                .getAsJsonObject()
                .getAsJsonArray("runs")
                .get(0)
                .getAsJsonObject();
        JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        assertThat(codes(rules, "id")).containsExactly("NS1001", "NS1002", "NS2015");
        JsonObject rule = rules.get(0).getAsJsonObject();
        assertThat(rule.getAsJsonObject("shortDescription").get("text").getAsString())
                .isEqualTo(Explanation.of(Code.NS1001).title());
        assertThat(rule.getAsJsonObject("help").get("text").getAsString()).contains("netc explain NS1001");
        assertThat(rule.getAsJsonObject("help").get("markdown").getAsString()).contains("## Wrong", "## Right");
        JsonArray results = run.getAsJsonArray("results");
        assertThat(codes(results, "ruleId")).containsExactly("NS1002", "NS1001", "NS2015");
        for (JsonElement element : results) {
            JsonObject result = element.getAsJsonObject();
            assertThat(rules.get(result.get("ruleIndex").getAsInt())
                            .getAsJsonObject()
                            .get("id"))
                    .isEqualTo(result.get("ruleId"));
        }
        JsonObject unknown = results.get(1).getAsJsonObject();
        JsonObject physical =
                unknown.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
        assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString())
                .isEqualTo("src/test/resources/formats/mixed%20findings.netspec");
        assertThat(physical.getAsJsonObject("artifactLocation").get("uriBaseId").getAsString())
                .isEqualTo("SRCROOT");
        assertThat(physical.getAsJsonObject("region").get("startLine").getAsInt())
                .isEqualTo(6);
        assertThat(physical.getAsJsonObject("region").get("startColumn").getAsInt())
                .isEqualTo(17);
        assertThat(physical.getAsJsonObject("region").get("endColumn").getAsInt())
                .isEqualTo(21);
        assertThat(unknown.getAsJsonArray("fixes")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("artifactChanges")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("replacements")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("insertedContent")
                        .get("text")
                        .getAsString())
                .isEqualTo("web");
        assertThat(results.get(0).getAsJsonObject().getAsJsonArray("relatedLocations"))
                .hasSize(1);
    }

    @Test
    void githubWritesOneEscapedAnnotationPerDiagnostic() {
        List<String> lines =
                netc("check", "--format", "github", FIXTURE).out().lines().toList();

        assertThat(lines.get(0))
                .startsWith(
                        "::error file=" + FIXTURE + ",line=5,endLine=5,col=8,endColumn=11,title=netc NS1002::NS1002: ");
        assertThat(lines.get(1))
                .startsWith("::error file=" + FIXTURE + ",line=6,")
                .contains("%0Ahelp: did you mean `web`?");
        assertThat(lines.get(2)).startsWith("::warning file=").contains("title=netc NS2015::");
        assertThat(lines).last().isEqualTo("netc: 2 errors, 1 warning in 1 file");
        assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\r"));
    }

    @Test
    void githubEscapesAsTheActionsToolkitDoes() {
        assertThat(GithubFormat.data("50% done\r\nnext")).isEqualTo("50%25 done%0D%0Anext");
        assertThat(GithubFormat.property("a:b,c%d\n")).isEqualTo("a%3Ab%2Cc%25d%0A");
    }

    @Test
    void githubMovesDiagnosticsBeyondTheAnnotationLimitToTheLog() throws IOException {
        Path spec = manyErrors(GithubFormat.ANNOTATIONS_PER_SEVERITY + 3);

        List<String> lines = netc("check", "--format", "github", spec.toString())
                .out()
                .lines()
                .toList();

        assertThat(lines.stream().filter(l -> l.startsWith("::error "))).hasSize(GithubFormat.ANNOTATIONS_PER_SEVERITY);
        assertThat(lines)
                .contains("::warning title=netc%3A more diagnostics in the log::3 more diagnostics are not "
                        + "annotated (GitHub shows 10 per severity); they follow in the log");
        assertThat(lines.stream().filter(l -> l.contains(": error: NS1001: "))).hasSize(3);
    }

    @Test
    void maxErrorsLimitsWhatIsShownButNotWhatIsCounted() throws IOException {
        Path spec = manyErrors(5);

        Run text = netc("check", "--max-errors", "2", spec.toString());
        assertThat(count(text.err(), "error[NS1001]")).isEqualTo(2);
        assertThat(text.err()).contains("note: 3 more diagnostics not shown (--max-errors 2)", "because of 5 errors");

        JsonObject json = JsonParser.parseString(netc("check", "--format", "json", "--max-errors", "2", spec.toString())
                        .out())
                .getAsJsonObject();
        assertThat(json.getAsJsonArray("diagnostics")).hasSize(2);
        assertThat(json.getAsJsonObject("summary").get("errors").getAsInt()).isEqualTo(5);
        assertThat(json.getAsJsonObject("summary").get("omitted").getAsInt()).isEqualTo(3);

        assertThat(count(netc("check", "--max-errors", "0", spec.toString()).err(), "error[NS1001]"))
                .isEqualTo(5);
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        Run format = netc("check", "--format", "xml", FIXTURE);
        assertThat(format.exit()).isEqualTo(Netc.USAGE);
        assertThat(format.err()).contains("unknown format `xml`: use text, json, sarif, github, junit or gitlab");
        Run max = netc("check", "--max-errors", "-1", FIXTURE);
        assertThat(max.exit()).isEqualTo(Netc.USAGE);
        assertThat(max.err()).contains("`-1` is not a count");
    }

    @Test
    void aColonInTheFirstSegmentCannotReadAsAScheme() {
        assertThat(SarifFormat.relativeUri("c:odd/a b.netspec")).isEqualTo("./c:odd/a%20b.netspec");
        assertThat(SarifFormat.relativeUri("dir/c:odd.netspec")).isEqualTo("dir/c:odd.netspec");
    }

    /** A spec with {@code errors} flows to undeclared tiers, one error each. */
    private Path manyErrors(int errors) throws IOException {
        StringBuilder text = new StringBuilder("namespace a {\n  tier web { pods app=web }\n");
        IntStream.range(0, errors)
                .forEach(i -> text.append("  allow web -> missing").append(i).append('\n'));
        Path spec = dir.resolve("many.netspec");
        Files.writeString(spec, text.append("}\n"));
        return spec;
    }

    private static void assertLocation(
            JsonObject location, int startLine, int startColumn, int endLine, int endColumn) {
        assertThat(location.get("file").getAsString()).isEqualTo(FIXTURE);
        assertThat(List.of(
                        location.get("startLine").getAsInt(),
                        location.get("startColumn").getAsInt(),
                        location.get("endLine").getAsInt(),
                        location.get("endColumn").getAsInt()))
                .containsExactly(startLine, startColumn, endLine, endColumn);
    }

    private static List<String> codes(JsonArray diagnostics) {
        return codes(diagnostics, "code");
    }

    private static List<String> codes(JsonArray array, String field) {
        List<String> codes = new ArrayList<>();
        array.forEach(e -> codes.add(e.getAsJsonObject().get(field).getAsString()));
        return codes;
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static List<String> schemaErrors(String sarif) throws IOException {
        return CiFormatsTest.sarifSchemaErrors(sarif);
    }
}

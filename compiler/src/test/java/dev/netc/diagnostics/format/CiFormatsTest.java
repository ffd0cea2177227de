package dev.netc.diagnostics.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.netc.analysis.DiagnosticCasesTest;
import dev.netc.cli.Netc;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The formats CI platforms read, as the platforms read them: SARIF against the SARIF 2.1.0
 * schema and GitHub code scanning's rule that every result has a location with a file, JUnit
 * XML against its schema, GitLab code quality with the fields GitLab requires. Every
 * diagnostic the compiler has is written in each: every case of
 * {@code src/test/resources/diagnostics/} (which provoke all codes but those in
 * {@link DiagnosticCasesTest#NOT_PROVOKABLE}), and the others this test provokes itself.
 */
class CiFormatsTest {
    private static final List<List<Diagnostic>> EVERY_CASE = new ArrayList<>();

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    @BeforeAll
    static void compileEveryCase() throws IOException {
        for (Path file : DiagnosticCasesTest.caseFiles()) {
            EVERY_CASE.add(DiagnosticCasesTest.compile(DiagnosticCasesTest.read(file)));
        }
    }

    @Test
    void everyCaseOfEveryCodeIsValidSarifThatGithubAccepts() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (List<Diagnostic> diagnostics : EVERY_CASE) {
            String sarif = write(Format.SARIF, diagnostics);
            assertThat(sarifSchemaErrors(sarif)).as(sarif).isEmpty();
            assertGithubAccepts(sarif);
            diagnostics.forEach(d -> codes.add(d.code().name()));
        }
        Set<String> expected = new TreeSet<>();
        for (Code code : Code.values()) {
            expected.add(code.name());
        }
        expected.removeAll(DiagnosticCasesTest.NOT_PROVOKABLE);
        assertThat(codes).as("codes written").containsAll(expected);
    }

    /** The codes no case provokes, each made here: an unreadable input, an output that cannot be written, a query. */
    @Test
    void theCodesNoCaseProvokesAreValidSarifThatGithubAccepts() throws IOException {
        Path spec = Files.writeString(dir.resolve("site.netspec"), "namespace app { isolate ingress }\n");
        Path notUtf8 = Files.write(dir.resolve("bytes.netspec"), new byte[] {'n', (byte) 0xff, '\n'});
        Path link = dir.resolve("folder/outside.netspec");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Files.writeString(Files.createTempFile("outside", ".netspec"), "\n"));
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        List<Run> runs = List.of(
                netc("check", "--format", "sarif", notUtf8.toString()),
                netc(
                        "check",
                        "--format",
                        "sarif",
                        "--root",
                        dir.resolve("folder").toString(),
                        link.getParent().toString()),
                netc("compile", "--format", "sarif", spec.toString(), "-o", file.toString()),
                netc(
                        "check",
                        "--format",
                        "sarif",
                        dir.resolve("missing.netspec").toString()));
        Set<String> codes = new TreeSet<>();
        for (Run run : runs) {
            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(sarifSchemaErrors(run.out())).isEmpty();
            assertGithubAccepts(run.out());
            results(run.out())
                    .forEach(r -> codes.add(r.getAsJsonObject().get("ruleId").getAsString()));
        }
        assertThat(codes).contains("NS0010", "NS0012", "NS1020");
    }

    /** A diagnostic without a position (here a `--set` of an undeclared parameter) is placed at the input. */
    @Test
    void aDiagnosticWithoutAPositionIsPlacedAtTheFirstInput() throws IOException {
        Path spec = Files.writeString(dir.resolve("site.netspec"), "namespace app { isolate ingress }\n");
        Run run = netc("check", "--format", "sarif", "--set", "sight=1", spec.toString());
        assertThat(run.exit()).isEqualTo(1);
        JsonObject result = results(run.out()).get(0).getAsJsonObject();
        assertThat(result.get("ruleId").getAsString()).isEqualTo("NS1009");
        JsonObject location = result.getAsJsonArray("locations").get(0).getAsJsonObject();
        assertThat(location.getAsJsonObject("physicalLocation")
                        .getAsJsonObject("artifactLocation")
                        .get("uri")
                        .getAsString())
                .endsWith("site.netspec");
        assertThat(location.getAsJsonObject("message").get("text").getAsString())
                .contains("no position in a file");
    }

    /** File names with a space or a colon: valid URIs, no internal error. */
    @ParameterizedTest
    @ValueSource(strings = {"a b.netspec", "a:b.netspec", "c:odd name.netspec", "100%.netspec", "#1?.netspec"})
    void awkwardFileNamesAreValidUris(String name) throws IOException {
        Path spec = Files.writeString(underWorkingDirectory().resolve(name), "namespace app { allow a -> b }\n");
        for (String format : List.of("sarif", "junit", "gitlab", "github", "json")) {
            Run run = netc("check", "--format", format, spec.toString());
            assertThat(run.exit()).as(format + ": " + run.err()).isEqualTo(1);
            if (format.equals("sarif")) {
                assertThat(sarifSchemaErrors(run.out())).isEmpty();
                assertGithubAccepts(run.out());
            }
        }
        Path relative = Path.of("").toAbsolutePath().relativize(spec);
        Run run = netc("check", "--format", "sarif", relative.toString());
        assertThat(sarifSchemaErrors(run.out())).isEmpty();
        String uri = results(run.out())
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("locations")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("physicalLocation")
                .getAsJsonObject("artifactLocation")
                .get("uri")
                .getAsString();
        assertThat(java.net.URI.create(uri).getScheme()).as(uri).isNull();
        assertThat(java.net.URI.create(uri).getPath()).as(uri).endsWith(name);
    }

    @Test
    void everyCaseIsJunitXmlValidAgainstItsSchema() throws Exception {
        Validator validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(
                        CiFormatsTest.class.getResource("/junit/junit-10.xsd").toString()))
                .newValidator();
        for (List<Diagnostic> diagnostics : EVERY_CASE) {
            String xml = write(Format.JUNIT, diagnostics);
            validator.validate(new StreamSource(new StringReader(xml)));
            Document document = parse(xml);
            NodeList cases = document.getElementsByTagName("testcase");
            assertThat(cases.getLength()).isEqualTo(Math.max(1, diagnostics.size()));
            long errors = diagnostics.stream().filter(Diagnostic::isError).count();
            assertThat(document.getElementsByTagName("failure").getLength()).isEqualTo((int) errors);
            assertThat(((Element) document.getElementsByTagName("testsuite").item(0)).getAttribute("failures"))
                    .isEqualTo(String.valueOf(errors));
        }
    }

    /** A clean run is one passing test; characters XML cannot hold are replaced, not written. */
    @Test
    void junitOfACleanRunAndOfHostileText() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean.netspec"), "namespace app { isolate ingress }\n");
        Run run = netc("check", "--format", "junit", clean.toString());
        assertThat(run.exit()).isZero();
        Document document = parse(run.out());
        assertThat(document.getElementsByTagName("testcase").getLength()).isEqualTo(1);
        assertThat(document.getElementsByTagName("failure").getLength()).isZero();

        assertThat(JunitFormat.text("a\u0001<b>&\uFFFE")).isEqualTo("a\uFFFD&lt;b&gt;&amp;\uFFFD");
        assertThat(JunitFormat.attribute("\"x\"\n")).isEqualTo("&quot;x&quot;&#10;");
    }

    @Test
    void everyCaseIsAGitlabCodeQualityReport() {
        for (List<Diagnostic> diagnostics : EVERY_CASE) {
            JsonArray issues =
                    JsonParser.parseString(write(Format.GITLAB, diagnostics)).getAsJsonArray();
            assertThat(issues).hasSize(diagnostics.size());
            Set<String> fingerprints = new HashSet<>();
            for (JsonElement element : issues) {
                JsonObject issue = element.getAsJsonObject();
                assertThat(issue.get("description").getAsString()).isNotBlank();
                assertThat(issue.get("check_name").getAsString()).matches("NS\\d{4}");
                assertThat(issue.get("severity").getAsString()).isIn("info", "minor", "major", "critical", "blocker");
                assertThat(issue.getAsJsonObject("location").get("path").getAsString())
                        .isNotBlank();
                assertThat(issue.getAsJsonObject("location")
                                .getAsJsonObject("lines")
                                .get("begin")
                                .getAsInt())
                        .isPositive();
                assertThat(fingerprints.add(issue.get("fingerprint").getAsString()))
                        .as("unique fingerprint")
                        .isTrue();
            }
        }
    }

    /** Moving a finding down a line keeps its fingerprint: GitLab would otherwise call it new. */
    @Test
    void aGitlabFingerprintDoesNotDependOnTheLine() throws IOException {
        Path spec = Files.writeString(dir.resolve("site.netspec"), "namespace app { allow a -> b }\n");
        String before = fingerprint(netc("check", "--format", "gitlab", spec.toString()));
        Files.writeString(spec, "\n\nnamespace app { allow a -> b }\n");
        assertThat(fingerprint(netc("check", "--format", "gitlab", spec.toString())))
                .isEqualTo(before);
    }

    /** A job that runs netc in a sub-folder of the repository names files from the repository root. */
    @Test
    void thePathPrefixIsPutBeforeRelativePathsInEveryMachineFormat() throws IOException {
        Path spec = Path.of("")
                .toAbsolutePath()
                .relativize(Files.writeString(
                        underWorkingDirectory().resolve("site.netspec"), "namespace app { allow a -> b }\n"));
        String prefixed = "infra/" + spec.toString().replace('\\', '/');
        assertThat(netc("check", "--format", "sarif", "--path-prefix", "./infra", spec.toString())
                        .out())
                .contains("\"uri\": \"" + SarifFormat.relativeUri(prefixed) + "\"");
        assertThat(netc("check", "--format", "github", "--path-prefix", "infra/", spec.toString())
                        .out())
                .contains("file=" + GithubFormat.property(prefixed) + ",");
        assertThat(netc("check", "--format", "junit", "--path-prefix", "infra", spec.toString())
                        .out())
                .contains("classname=\"" + prefixed + "\"");
        assertThat(netc("check", "--format", "gitlab", "--path-prefix", "infra", spec.toString())
                        .out())
                .contains("\"path\": \"" + prefixed + "\"");
        assertThat(netc("check", "--format", "json", "--path-prefix", "infra", spec.toString())
                        .out())
                .contains("\"file\": \"" + prefixed + "\"");
        assertThat(netc("check", "--path-prefix", "infra", spec.toString()).err())
                .as("text is for people in the folder they run netc in")
                .contains("--> " + spec.toString().replace('\\', '/') + ":1:");
    }

    /** A new folder under the working directory (the module's target/), so that netc shows relative paths. */
    private static Path underWorkingDirectory() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "ci-formats-")
                .toAbsolutePath();
    }

    private static Run netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Netc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static String write(Format format, List<Diagnostic> diagnostics) {
        StringWriter out = new StringWriter();
        format.write(
                new DiagnosticReport(diagnostics, 1, 0).withLocations(new Locations("", "case.netspec")),
                new PrintWriter(out, true),
                false);
        return out.toString();
    }

    private static String fingerprint(Run run) {
        return JsonParser.parseString(run.out())
                .getAsJsonArray()
                .get(0)
                .getAsJsonObject()
                .get("fingerprint")
                .getAsString();
    }

    private static JsonArray results(String sarif) {
        return JsonParser.parseString(sarif)
                .getAsJsonObject()
                .getAsJsonArray("runs")
                .get(0)
                .getAsJsonObject()
                .getAsJsonArray("results");
    }

    /**
     * GitHub code scanning's own rules beyond the schema: every result has at least one location
     * ("locationFromSarifResult: expected at least one location" rejects the whole upload), and
     * each location a physical location with the artifact's URI and a start line.
     */
    private static void assertGithubAccepts(String sarif) {
        for (JsonElement element : results(sarif)) {
            JsonObject result = element.getAsJsonObject();
            JsonArray locations = result.getAsJsonArray("locations");
            assertThat(locations).as("locations of %s", result).isNotNull().isNotEmpty();
            for (JsonElement location : locations) {
                JsonObject physical = location.getAsJsonObject().getAsJsonObject("physicalLocation");
                assertThat(physical).as("physicalLocation of %s", result).isNotNull();
                assertThat(physical.getAsJsonObject("artifactLocation")
                                .get("uri")
                                .getAsString())
                        .isNotBlank();
                assertThat(physical.getAsJsonObject("region").get("startLine").getAsInt())
                        .isPositive();
            }
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static List<String> sarifSchemaErrors(String sarif) throws IOException {
        try (InputStream in = CiFormatsTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            ObjectNode schema = (ObjectNode) JsonMapper.shared().readTree(in);
            schema.remove("$schema");
            List<String> errors = new ArrayList<>();
            for (Error error : SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(schema)
                    .validate(JsonMapper.shared().readTree(sarif))) {
                errors.add(error.getInstanceLocation() + ": " + error.getMessage());
            }
            return errors;
        }
    }
}

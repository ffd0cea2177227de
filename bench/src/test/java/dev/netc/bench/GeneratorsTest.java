package dev.netc.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Batch;
import dev.netc.compile.Compiler;
import dev.netc.compile.SitesFile;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.emit.Emitter;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated inputs are what the benchmarks claim to measure. */
class GeneratorsTest {
    @Test
    void aLargeSpecCompilesCleanlyWithTheRequestedCounts() {
        // a third of the flows inside namespaces, at least one per tier: every tier is used
        LargeSpec sizes = new LargeSpec(12, 4, 150, 5, 7);
        Compiler.Result result = Compiler.compile(Inputs.request("large.netspec", sizes.text()));
        assertThat(result.diagnostics()).isEmpty();
        Model model = result.model();
        assertThat(model.namespaces())
                .hasSize(12)
                .allSatisfy(ns -> assertThat(ns.tiers()).hasSize(4));
        assertThat(model.flows()).hasSize(150);
        assertThat(model.cluster().orElseThrow().nodes()).hasSize(5);
        assertThat(model.flows().stream()
                        .filter(f -> f.from() instanceof dev.netc.model.Peer.Addresses)
                        .map(f -> ((dev.netc.model.Peer.Addresses) f.from()).name())
                        .distinct())
                .hasSize(7);
        assertThat(result.files())
                .extracting(f -> f.path())
                .contains("policies/ns-0000.yaml", "policies/ns-0011.yaml", "nodes/n-0.yaml", "nodes/n-4.yaml");
    }

    @Test
    void theScaledSpecsHaveTheIssuesSizes() {
        assertThat(LargeSpec.scaled(10)).isEqualTo(new LargeSpec(1000, 10, 30_000, 200, 300));
        assertThat(LargeSpec.scaled(1).text()).isEqualTo(LargeSpec.scaled(1).text());
    }

    @Test
    void flowsOfEveryKindAreGenerated() {
        Model model = Compiler.compile(Inputs.request("large.netspec", new LargeSpec(5, 3, 30, 1, 2).text()))
                .model();
        long withinNamespaces = model.flows().stream()
                .filter(f -> f.from() instanceof dev.netc.model.Peer.TierPeer from
                        && f.to() instanceof dev.netc.model.Peer.TierPeer to
                        && from.tier().namespace().equals(to.tier().namespace()))
                .count();
        assertThat(withinNamespaces).isEqualTo(10);
        assertThat(model.namespaces()).extracting(Namespace::name).startsWith("ns-0000", "ns-0001");
    }

    @Test
    void theFleetSitesFileListsValidSitesOfTheEdgeSiteTemplate() throws IOException {
        Path edgeSite =
                Path.of("..", "examples", "edge-site.netspec").toAbsolutePath().normalize();
        Compiler.Request base = new Compiler.Request(
                List.of(edgeSite),
                List.of(),
                edgeSite.getParent(),
                edgeSite.getParent(),
                Map.of(),
                Inputs.SECRETS,
                Emitter.Options.DEFAULT);
        Compiler.Loaded template = Compiler.load(base);
        DiagnosticSink sink = new DiagnosticSink();
        List<SitesFile.Row> rows = SitesFile.parse(
                new SourceFile("fleet.sites", new FleetSites(600).text()), Batch.declaredParams(template), sink);
        assertThat(sink.sorted()).isEmpty();
        assertThat(rows).hasSize(600);
        assertThat(rows.get(0))
                .extracting(SitesFile.Row::name, SitesFile.Row::params)
                .containsExactly("store-00001", Map.of("site", "1"));
        assertThat(rows.get(FleetSites.SITE_VALUES.length).params()).isEqualTo(Map.of("site", "1"));
        // a whole cycle of site values: every one gives a valid site
        List<Batch.Outcome> outcomes = Batch.run(
                Batch.fleet(template, rows.subList(0, FleetSites.SITE_VALUES.length), base),
                2,
                (site, files) -> assertThat(files).isNotEmpty());
        // edge-site announces one deliberate warning: IPVS is deprecated (NS4017)
        assertThat(outcomes)
                .allSatisfy(outcome -> assertThat(outcome.diagnostics())
                        .extracting(Diagnostic::code)
                        .containsExactly(Code.NS4017));
    }

    @Test
    void pathologicalInputsProvokeWhatTheyAreNamedFor() {
        String longLine = Pathological.LONG_LINE.text(1_000);
        assertThat(longLine.lines()).hasSize(1);
        assertThat(longLine.length()).isGreaterThan(30_000);
        assertThat(Compiler.compile(Inputs.request("a", longLine)).model().flows())
                .hasSize(2_000);

        assertThat(codes(Pathological.DEEP_NESTING.text(500))).containsExactly(Code.NS0008);
        assertThat(codes(Pathological.MANY_ERRORS.text(300))).hasSize(300).containsOnly(Code.NS1001);
        assertThat(codes(Pathological.MANY_SYNTAX_ERRORS.text(300)))
                .hasSizeGreaterThanOrEqualTo(300)
                .containsOnly(Code.NS0001);
    }

    private static List<Code> codes(String text) {
        return Compiler.compile(Inputs.request("input.netspec", text)).diagnostics().stream()
                .map(Diagnostic::code)
                .toList();
    }
}

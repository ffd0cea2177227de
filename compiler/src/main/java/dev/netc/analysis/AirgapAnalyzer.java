package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.consumers.AirgapArchives;
import dev.netc.consumers.ConsumerTables;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Airgap;
import dev.netc.source.Span;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code airgap { images "/opt/content/images"; archives rke2-images-core.linux-amd64.tar.zst, ... }}:
 * RKE2 imports the image archives of {@code <data-dir>/agent/images} at start, by file extension,
 * and a node without the images of its CNI gets no pod network (rke2-airgap.tsv,
 * airgap-archives.tsv).
 */
final class AirgapAnalyzer {
    private final Values values;
    private final DiagnosticSink sink;
    private final NodeFileText nodeFileText;

    AirgapAnalyzer(Values values, DiagnosticSink sink) {
        this.values = values;
        this.sink = sink;
        this.nodeFileText = new NodeFileText(sink);
    }

    Optional<Airgap> analyze(List<Statement.Block> blocks, List<String> cni) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        Statement.Block block = blocks.get(0);
        if (blocks.size() > 1) {
            sink.report(Diagnostic.of(Code.NS1002, blocks.get(1).kind().span(), "block", "airgap")
                    .withSecondary(block.kind().span(), "first declared here"));
        }
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.AIRGAP, sink);
        if (reader.property("images").isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2010, block.kind().span(), "the airgap block", "`images`")
                    .withHelp(
                            "write `images \"/opt/content/images\"`: the folder on the node that holds the archives"));
        }
        Optional<String> images = reader.property("images")
                .flatMap(p -> Properties.single(p, sink))
                .flatMap(v -> {
                    Optional<String> path = values.text(v);
                    if (path.isPresent()
                            && (!path.get().startsWith("/") || path.get().contains("'"))) {
                        sink.report(Diagnostic.of(
                                Code.NS2009, v.span(), "an absolute path without `'`", "`" + path.get() + "`"));
                        return Optional.empty();
                    }
                    // the folder goes into the node's config and a command of its boot stage
                    return path.filter(text -> nodeFileText.characters(text, v.span(), "`images`"));
                });
        List<String> archives = new ArrayList<>();
        Optional<Statement.Property> listed = reader.property("archives");
        listed.ifPresent(p -> Properties.list(p, sink).forEach(v -> archive(v).ifPresent(archives::add)));
        listed.ifPresent(p -> checkCoverage(archives, cni, p.span()));
        return images.map(path -> new Airgap(path, archives));
    }

    /** A file name RKE2 imports: one of the archive extensions its image import reads. */
    private Optional<String> archive(Value value) {
        Optional<String> name = values.text(value);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.get().contains("/") || name.get().contains("'") || name.get().isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2009, value.span(), "an archive's file name", "`" + name.get() + "`"));
            return Optional.empty();
        }
        if (!nodeFileText.characters(name.get(), value.span(), "the archive name")) {
            return Optional.empty();
        }
        if (AirgapArchives.EXTENSIONS.stream().noneMatch(name.get()::endsWith)) {
            sink.report(Diagnostic.of(
                            Code.NS4031,
                            value.span(),
                            name.get(),
                            "RKE2 imports only " + String.join(", ", AirgapArchives.EXTENSIONS) + " archives")
                    .withNote("rke2-airgap.tsv: RKE2 chooses the archives of <data-dir>/agent/images by extension"));
            return Optional.empty();
        }
        return name;
    }

    /** RKE2's core images and those of every CNI the cluster runs must be among the archives. */
    private void checkCoverage(List<String> archives, List<String> cni, Span span) {
        List<String> needs = new ArrayList<>(List.of("core"));
        needs.addAll(cni);
        for (AirgapArchives row : ConsumerTables.AIRGAP_ARCHIVES) {
            if (needs.contains(row.needs()) && archives.stream().noneMatch(row::providedBy)) {
                sink.report(Diagnostic.of(
                                Code.NS4031,
                                span,
                                String.join(", ", archives),
                                "no archive holds the images of "
                                        + (row.needs().equals("core") ? "RKE2 itself" : "`cni " + row.needs() + "`"))
                        .withNote("they are in " + String.join(" or ", row.names()) + ".linux-ARCH.tar.zst ("
                                + row.source() + ")")
                        .withHelp("add `" + row.names().get(0) + ".linux-amd64.tar.zst` (or the archive of the node's "
                                + "architecture)"));
            }
        }
    }
}

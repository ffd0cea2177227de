package dev.netc.bench;

import dev.netc.lsp.NetcLanguageServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The language server in process (no JSON-RPC, no start-up) on a {@link LargeSpec} open in the
 * editor, at scale 1 and 10: an edit until its diagnostics are published, and hover and
 * completion on a flow of the middle namespace. {@code LspSession} times the same over stdio
 * against a new {@code netc lsp} process.
 */
@State(Scope.Benchmark)
public class LspBenchmark extends BenchmarkSettings {
    @Param({"1", "10"})
    public int scale;

    private final DiagnosticsClient client = new DiagnosticsClient();
    private NetcLanguageServer server;
    private Path folder;
    private String uri;
    private String[] lines;
    private int flowLine;
    private int version;

    @Setup
    public void open() throws Exception {
        folder = Files.createTempDirectory("netc-lsp-bench");
        String text = LargeSpec.scaled(scale).text();
        uri = folder.resolve("large.netspec").toUri().toString();
        lines = text.split("\n", -1);
        flowLine = LspSession.middleFlowLine(List.of(lines));
        server = new NetcLanguageServer(folder.resolve("stdlib"));
        server.connect(client);
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get();
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "netspec", ++version, text)));
        diagnostics(version);
    }

    @TearDown
    public void close() throws IOException {
        server.shutdown();
        server.exit();
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** A comment added to a flow, until the diagnostics of the new version are published. */
    @Benchmark
    public void edit() throws Exception {
        String[] changed = lines.clone();
        changed[flowLine] = lines[flowLine] + " // edit " + (version % 7);
        server.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, ++version),
                        List.of(new TextDocumentContentChangeEvent(String.join("\n", changed)))));
        diagnostics(version);
    }

    /** Hover on the destination tier of the flow. */
    @Benchmark
    public Object hover() throws Exception {
        return server.getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(uri), target()))
                .get(60, TimeUnit.SECONDS);
    }

    /** Completion after the flow's {@code allow}: every tier, namespace and external. */
    @Benchmark
    public Object completion() throws Exception {
        return server.getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(uri), new Position(flowLine, 8)))
                .get(60, TimeUnit.SECONDS);
    }

    private Position target() {
        return new Position(flowLine, lines[flowLine].indexOf("-> ") + 4);
    }

    private void diagnostics(int forVersion) throws Exception {
        client.await(forVersion, 600);
    }
}

package dev.netc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * An editor session against {@code netc lsp} in a new process, timed as a user meets it: open a
 * large spec and wait for its diagnostics, edit it (each edit waits for the diagnostics of its
 * version), type a burst of edits without waiting (only the last version's diagnostics count),
 * then hover, go to a definition and complete. Prints one {@code name<TAB>milliseconds} line per
 * figure (medians), and the server's peak resident memory in MiB.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.netc.bench.LspSession SPEC REPS -- ./netc lsp
 * </pre>
 *
 * The spec must be a {@link LargeSpec}: the edits and the positions asked about are in its
 * middle namespace's flows.
 */
public final class LspSession {
    private static final long TIMEOUT_S = 600;
    private static final int BURST = 5;

    private final DiagnosticsClient client = new DiagnosticsClient();
    private final String uri;
    private final String text;
    private final int flowLine;
    private final String flowText;
    private LanguageServer server;
    private int version;

    private LspSession(Path spec) throws IOException {
        this.uri = spec.toAbsolutePath().toUri().toString();
        this.text = Files.readString(spec, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        this.flowLine = middleFlowLine(lines);
        this.flowText = lines.get(flowLine);
    }

    /** The first flow written inside the middle namespace, with bare tier names: the line edited and asked about. */
    static int middleFlowLine(List<String> lines) {
        long namespaces = lines.stream().filter(l -> l.startsWith("namespace ")).count();
        int line = lines.indexOf("namespace " + LargeSpec.namespace((int) (namespaces / 2)) + " {");
        while (!lines.get(line).startsWith("  allow ")) {
            line++;
        }
        return line;
    }

    public static void main(String[] args) throws Exception {
        int separator = Arrays.asList(args).indexOf("--");
        if (separator != 2) {
            throw new IllegalArgumentException("usage: LspSession SPEC REPS -- COMMAND...");
        }
        LspSession session = new LspSession(Path.of(args[0]));
        int reps = Integer.parseInt(args[1]);
        List<String> command = Arrays.asList(args).subList(separator + 1, args.length);
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            session.run(process, reps);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        // lsp4j's reader thread would keep this JVM alive
        System.exit(0);
    }

    private void run(Process process, int reps) throws Exception {
        Launcher<LanguageServer> launcher =
                LSPLauncher.createClientLauncher(client, process.getInputStream(), process.getOutputStream());
        launcher.startListening();
        server = launcher.getRemoteProxy();
        InitializeParams init = new InitializeParams();
        init.setCapabilities(new ClientCapabilities());
        server.initialize(init).get(TIMEOUT_S, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());

        long start = System.nanoTime();
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "netspec", ++version, text)));
        report("open", millis(diagnostics(version) - start));

        List<Double> edits = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long sent = edit(i);
            edits.add(millis(diagnostics(version) - sent));
        }
        report("edit", median(edits));

        List<Double> bursts = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long sent = 0;
            for (int k = 0; k < BURST; k++) {
                sent = edit(reps + i * BURST + k);
            }
            bursts.add(millis(diagnostics(version) - sent));
        }
        report("burst-last", median(bursts));

        TextDocumentIdentifier document = new TextDocumentIdentifier(uri);
        // the destination tier of the flow: `  allow t-00 -> t-01:p`
        Position target = new Position(flowLine, flowText.indexOf("-> ") + 4);
        Position afterAllow = new Position(flowLine, "  allow ".length());
        TextDocumentService documents = server.getTextDocumentService();
        report("hover", timed(reps, () -> documents.hover(new HoverParams(document, target))));
        report("definition", timed(reps, () -> documents.definition(new DefinitionParams(document, target))));
        report("completion", timed(reps, () -> documents.completion(new CompletionParams(document, afterAllow))));
        // the first completion after an edit lexes from the edited line to the cursor's; the others at that version do
        // not lex
        List<Double> afterEdits = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            edit(i);
            diagnostics(version);
            afterEdits.add(timed(1, () -> documents.completion(new CompletionParams(document, afterAllow))));
        }
        report("completion-first", median(afterEdits));
        System.out.printf(Locale.ROOT, "rss-mib\t%d%n", peakRssMib(process.pid()));
        server.shutdown().get(TIMEOUT_S, TimeUnit.SECONDS);
        server.exit();
    }

    /** Sends the whole text with a comment of another length after the flow; returns when it was sent. */
    private long edit(int i) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        lines.set(flowLine, flowText + " // edit " + "x".repeat(i % 7));
        String changed = String.join("\n", lines) + "\n";
        long sent = System.nanoTime();
        server.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(uri, ++version),
                        List.of(new TextDocumentContentChangeEvent(changed))));
        return sent;
    }

    /** When the diagnostics of that version arrived (nanoTime). */
    private long diagnostics(int forVersion) throws Exception {
        return client.await(forVersion, TIMEOUT_S);
    }

    /** The median time of {@code reps} requests, each until its answer. */
    private static double timed(int reps, Supplier<CompletableFuture<?>> request) throws Exception {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < reps; i++) {
            long start = System.nanoTime();
            request.get().get(TIMEOUT_S, TimeUnit.SECONDS);
            times.add(millis(System.nanoTime() - start));
        }
        return median(times);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((sorted.size() - 1) / 2);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void report(String name, double millis) {
        System.out.printf(Locale.ROOT, "%s\t%.1f%n", name, millis);
    }

    /** VmHWM of the server process (Linux); 0 where /proc is not there. */
    private static long peakRssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: no figure
        }
        return 0;
    }
}

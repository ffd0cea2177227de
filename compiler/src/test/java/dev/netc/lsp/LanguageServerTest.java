package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server end to end: a client talks JSON-RPC to it over in-memory pipes, as an
 * editor would over standard input and output.
 */
class LanguageServerTest {
    /** An imported module; `metrics` is never used, a warning that belongs to this file, not to the site. */
    private static final String COMMON = """
            network lan { cidr 10.0.1.0/24; mtu 1500 }
            external office = 192.0.2.0/24, 198.51.100.0/24 except 192.0.2.128/25
            port metrics = 9100/tcp
            """;

    /** One error: `backnd`, after a comment with a character outside the BMP (two UTF-16 units). */
    private static final String SITE = """
            import "common"
            import "std/networks"

            cluster edge {
              token env("CLUSTER_TOKEN")
              canal { on lan; backend vxlan }
              node cp-1 { role init; interface eth0 10.0.1.10 on lan }
              rke2 { write-kubeconfig-mode = "0640" }
            }

            namespace app {
              isolate ingress, egress
              tier frontend { pods tier=frontend, env in (prod); port http 80/tcp }
              tier backend  { pods tier=backend;  port api 8080/tcp }

              allow internet -> frontend:http
              /* \uD83D\uDE00 */ allow frontend -> backnd:api
              allow backend -> office
            }
            """;

    private static final String FIXED = SITE.replace("backnd", "backend");

    @TempDir
    Path project;

    @TempDir
    Path cache;

    private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    private NetcLanguageServer server;
    private LanguageServer remote;
    private String siteUri;
    private String commonUri;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(project.resolve("common.netspec"), COMMON, StandardCharsets.UTF_8);
        Path site = project.resolve("site.netspec");
        Files.writeString(site, SITE, StandardCharsets.UTF_8);
        siteUri = site.toUri().toString();
        commonUri = project.resolve("common.netspec").toUri().toString();

        PipedInputStream serverIn = new PipedInputStream();
        PipedOutputStream clientOut = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream();
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        server = new NetcLanguageServer(cache);
        Launcher<LanguageClient> serverSide = LSPLauncher.createServerLauncher(server, serverIn, serverOut);
        server.connect(serverSide.getRemoteProxy());
        serverSide.startListening();
        Launcher<LanguageServer> clientSide =
                LSPLauncher.createClientLauncher(new RecordingClient(), clientIn, clientOut);
        clientSide.startListening();
        remote = clientSide.getRemoteProxy();

        InitializeParams params = new InitializeParams();
        params.setCapabilities(new ClientCapabilities());
        params.setWorkspaceFolders(List.of(new WorkspaceFolder(project.toUri().toString(), "project")));
        InitializeResult result = get(remote.initialize(params));
        assertThat(result.getCapabilities().getHoverProvider().getLeft()).isTrue();
        assertThat(result.getCapabilities().getDocumentFormattingProvider().getLeft())
                .isTrue();
        assertThat(result.getServerInfo().getName()).isEqualTo("netc");
        remote.initialized(new org.eclipse.lsp4j.InitializedParams());
        remote.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(siteUri, "netspec", 1, SITE)));
    }

    @AfterEach
    void stop() throws Exception {
        get(remote.shutdown());
        remote.exit();
        assertThat(server.exitCode().get(10, TimeUnit.SECONDS)).isZero();
    }

    @Test
    void publishesTheCompilersDiagnosticsWithCodeAndUtf16RangeThenClearsThemWhenFixed() throws Exception {
        PublishDiagnosticsParams first = nextDiagnostics();
        assertThat(first.getUri()).isEqualTo(siteUri);
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(first.getDiagnostics()).hasSize(1);
        Diagnostic diagnostic = first.getDiagnostics().get(0);
        assertThat(diagnostic.getCode().getLeft()).isEqualTo("NS1001");
        assertThat(diagnostic.getSource()).isEqualTo("netc");
        assertThat(diagnostic.getMessage()).contains("backnd").contains("did you mean `backend`?");
        assertThat(diagnostic.getRange()).isEqualTo(rangeOf(SITE, "backnd"));

        assertThat(change(FIXED, 2).getDiagnostics()).isEmpty();
    }

    /** The literal token is masked where a diagnostic quotes it, as `netc check` masks it: not even its start shows. */
    @Test
    void aDiagnosticThatQuotesALiteralTokenShowsItMasked() throws Exception {
        String token = "K10-recognisable-token-4f8a2c-must-not-leak";
        List<Diagnostic> diagnostics = change(
                        SITE.replace("token env(\"CLUSTER_TOKEN\")", "token\n    \"" + token + "\""), 2)
                .getDiagnostics();
        assertThat(diagnostics).extracting(d -> d.getCode().getLeft()).contains("NS0001");
        assertThat(diagnostics.toString()).contains("unexpected `\"********`").doesNotContain(token.substring(0, 12));
    }

    @Test
    void anErrorInAnImportedFileIsShownOnTheFirstLine() throws Exception {
        Files.writeString(project.resolve("common.netspec"), COMMON.replace("mtu 1500", "mtu 15000000"));
        List<Diagnostic> diagnostics = change(FIXED, 2).getDiagnostics();
        assertThat(diagnostics).hasSize(1);
        assertThat(diagnostics.get(0).getRange()).isEqualTo(new Range(new Position(0, 0), new Position(0, 0)));
        assertThat(diagnostics.get(0).getMessage()).startsWith("in common.netspec:1:");
        assertThat(diagnostics.get(0).getCode().getLeft()).isEqualTo("NS2012");
    }

    @Test
    void quickFixReplacesTheMisspeltName() throws Exception {
        Diagnostic diagnostic = nextDiagnostics().getDiagnostics().get(0);
        var actions = get(remote.getTextDocumentService()
                .codeAction(new CodeActionParams(
                        new TextDocumentIdentifier(siteUri),
                        diagnostic.getRange(),
                        new CodeActionContext(List.of(diagnostic)))));
        assertThat(actions).hasSize(1);
        CodeAction action = actions.get(0).getRight();
        assertThat(action.getKind()).isEqualTo("quickfix");
        assertThat(action.getIsPreferred()).isTrue();
        List<TextEdit> edits = action.getEdit().getChanges().get(siteUri);
        assertThat(edits).containsExactly(new TextEdit(rangeOf(SITE, "backnd"), "backend"));
        assertThat(apply(SITE, edits)).isEqualTo(FIXED);
    }

    @Test
    void hoverShowsWhatATierSelectsAPortsNumberAnExternalsRangesAndANodesSettings() throws Exception {
        change(FIXED, 2);
        assertThat(hover(at(FIXED, "allow frontend", "frontend")))
                .contains("**tier** `app.frontend`")
                .contains("selects pods `tier=frontend, env in (prod)` in namespace `app`")
                .contains("`http` 80/tcp")
                .contains("isolated for ingress and egress");
        assertThat(hover(at(FIXED, "backend:api", "api")))
                .contains("TCP port 8080")
                .contains("of tier `app.backend`");
        assertThat(hover(at(FIXED, "-> office", "office")))
                .contains("`192.0.2.0/24` except `192.0.2.128/25`")
                .contains("`198.51.100.0/24`");
        assertThat(hover(at(FIXED, "node cp-1", "cp-1")))
                .contains("role `init` (server)")
                .contains("node-ip: `10.0.1.10`")
                .contains("interface `eth0` `10.0.1.10` on `lan`")
                .contains("Canal (flannel) uses `eth0`");
        assertThat(hover(at(FIXED, "on lan;", "lan"))).contains("Canal runs on this network (vxlan): pod MTU 1450");
        assertThat(hover(at(FIXED, "write-kubeconfig-mode", "kubeconfig")))
                .contains("**rke2** `write-kubeconfig-mode`")
                .contains("string");
    }

    @Test
    void definitionLeadsIntoImportsAndTheStandardLibrary() throws Exception {
        change(FIXED, 2);
        Location network = definition(at(FIXED, "interface eth0 10.0.1.10 on lan", "lan"));
        assertThat(network.getUri()).isEqualTo(commonUri);
        assertThat(network.getRange()).isEqualTo(rangeOf(COMMON, "lan"));

        Location module = definition(at(FIXED, "\"common\"", "common"));
        assertThat(module.getUri()).isEqualTo(commonUri);
        assertThat(module.getRange().getStart()).isEqualTo(new Position(0, 0));

        Location internet = definition(at(FIXED, "allow internet", "internet"));
        Path stdlibCopy = Path.of(java.net.URI.create(internet.getUri()));
        assertThat(stdlibCopy).startsWith(cache).hasFileName("networks.netspec");
        String stdlibText = Files.readString(stdlibCopy);
        assertThat(internet.getRange()).isEqualTo(rangeOf(stdlibText, "internet"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stdlibCopy)))
                .as("the copy is read-only")
                .isEqualTo("r--r--r--");

        Location tier = definition(at(FIXED, "allow backend", "backend"));
        assertThat(tier.getUri()).isEqualTo(siteUri);
        assertThat(tier.getRange()).isEqualTo(rangeOf(FIXED, "tier backend", "backend"));
    }

    @Test
    void referencesFindEveryUseOfATierAndOfAnImportedNetwork() throws Exception {
        change(FIXED, 2);
        List<? extends Location> tier = get(remote.getTextDocumentService()
                .references(new ReferenceParams(
                        new TextDocumentIdentifier(siteUri),
                        at(FIXED, "tier backend", "backend"),
                        new ReferenceContext(true))));
        assertThat(tier)
                .extracting(Location::getRange)
                .containsExactly(
                        rangeOf(FIXED, "tier backend", "backend"),
                        rangeOf(FIXED, "-> backend:api", "backend"),
                        rangeOf(FIXED, "allow backend ->", "backend"));

        List<? extends Location> network = get(remote.getTextDocumentService()
                .references(new ReferenceParams(
                        new TextDocumentIdentifier(siteUri),
                        at(FIXED, "on lan;", "lan"),
                        new ReferenceContext(false))));
        assertThat(network).hasSize(2).allMatch(l -> l.getUri().equals(siteUri));
    }

    /**
     * Rename edits the declaration and every use the compiler resolved to it, in every file: a
     * tier written bare and inside `ns.tier`, a network declared in an imported module.
     */
    @Test
    void renameEditsTheDeclarationAndEveryUseTheCompilerResolved() throws Exception {
        change(FIXED, 2);
        TextDocumentIdentifier site = new TextDocumentIdentifier(siteUri);
        var prepared = get(remote.getTextDocumentService()
                .prepareRename(new PrepareRenameParams(site, at(FIXED, "allow backend ->", "backend"))));
        assertThat(prepared.getSecond().getPlaceholder()).isEqualTo("backend");
        assertThat(prepared.getSecond().getRange()).isEqualTo(rangeOf(FIXED, "allow backend ->", "backend"));

        WorkspaceEdit tier = get(remote.getTextDocumentService()
                .rename(new RenameParams(site, at(FIXED, "tier backend", "backend"), "api-server")));
        assertThat(tier.getChanges()).containsOnlyKeys(siteUri);
        String renamed = applyAll(FIXED, tier.getChanges().get(siteUri));
        assertThat(renamed)
                .contains(
                        "tier api-server  {",
                        "allow frontend -> api-server:api",
                        "allow api-server -> office",
                        "pods tier=backend;")
                .doesNotContain("tier backend", "-> backend", "allow backend");
        assertThat(change(renamed, 3).getDiagnostics()).isEmpty();

        WorkspaceEdit network = get(remote.getTextDocumentService()
                .rename(new RenameParams(site, at(renamed, "on lan;", "lan"), "site-lan")));
        assertThat(network.getChanges()).containsOnlyKeys(siteUri, commonUri);
        assertThat(applyAll(COMMON, network.getChanges().get(commonUri))).startsWith("network site-lan {");
        assertThat(applyAll(renamed, network.getChanges().get(siteUri)))
                .contains("on site-lan;", "10.0.1.10 on site-lan }");
    }

    @Test
    void renameRefusesNamesTheLanguageRefusesAndTheStandardLibrary() throws Exception {
        change(FIXED, 2);
        TextDocumentIdentifier site = new TextDocumentIdentifier(siteUri);
        assertThatThrownBy(() -> get(remote.getTextDocumentService()
                        .rename(new RenameParams(site, at(FIXED, "tier backend", "backend"), "Back_End"))))
                .hasMessageContaining("lowercase");
        assertThatThrownBy(() -> get(remote.getTextDocumentService()
                        .rename(new RenameParams(site, at(FIXED, "tier backend", "backend"), "frontend"))))
                .hasMessageContaining("exists already");
        assertThat(get(remote.getTextDocumentService()
                        .prepareRename(new PrepareRenameParams(site, at(FIXED, "allow internet", "internet")))))
                .isNull();
    }

    @Test
    void completionOffersWhatFitsTheContext() throws Exception {
        change(FIXED, 2);
        assertThat(complete(FIXED, "allow backend -> "))
                .contains("frontend", "app.frontend", "app", "office", "internet", "*")
                .doesNotContain("isolate");
        assertThat(complete(FIXED, "-> backend:")).containsExactly("api", "metrics", "tcp", "udp", "sctp");
        assertThat(complete(FIXED, "egress\n  "))
                .contains("tier", "isolate", "labels", "allow")
                .doesNotContain("node");
        assertThat(complete(FIXED, "rke2 { ")).contains("write-kubeconfig-mode", "node-label");
        assertThat(complete(FIXED, "role ")).containsExactly("init", "controlplane", "worker");
        assertThat(complete(FIXED, "eth0 10.0.1.10 on ")).containsExactly("lan");

        // while the text is broken the names of the last good version are still offered
        String typing = FIXED.replace("  allow backend -> office\n", "  allow backend -> \n");
        change(typing, 3);
        assertThat(complete(typing, "allow backend -> ")).contains("frontend", "office");
    }

    /**
     * An expectation the emitted policies break is an error as you type, at the statement, with the
     * explanation `netc query` gives in its message; hover and completion know the statement.
     */
    @Test
    void aBrokenExpectationIsReportedAtItsStatementWithTheRulesThatDecide() throws Exception {
        String expecting = FIXED.replace(
                "  allow backend -> office\n",
                "  allow backend -> office\n  expect allow backend -> frontend:http\n  expect deny internet -> backend\n");
        List<Diagnostic> diagnostics = change(expecting, 2).getDiagnostics();

        assertThat(diagnostics).singleElement().satisfies(d -> {
            assertThat(d.getCode().getLeft()).isEqualTo("NS3031");
            assertThat(d.getRange()).isEqualTo(rangeOf(expecting, "expect allow backend -> frontend:http"));
            assertThat(d.getMessage())
                    .startsWith("`app.backend -> app.frontend` is denied on 80/tcp, which `expect allow` requires")
                    .contains("note: egress of app.backend: denied")
                    .contains("no rule of these policies admits to app.frontend on 80/tcp");
        });
        assertThat(hover(at(expecting, "expect deny", "deny"))).contains("no connection it names is allowed");
        assertThat(complete(expecting, "  expect ")).containsExactly("allow", "deny");
        assertThat(complete(expecting, "expect deny internet -> "))
                .contains("frontend", "app")
                .doesNotContain("ingress");

        assertThat(change(
                                expecting.replace(
                                        "expect allow backend -> frontend:http", "expect deny backend -> frontend"),
                                3)
                        .getDiagnostics())
                .isEmpty();
    }

    /** The forms of flows that name no declaration: hover says what each means here, completion offers them. */
    @Test
    void hoverAndCompletionKnowTheFormsOfFlowsThatNameNoDeclaration() throws Exception {
        String forms = """
                namespace ingress-nginx {
                  owned-by others
                  tier controller { pods app=controller }
                }
                namespace app {
                  labels team=payments
                  isolate ingress, egress
                  tier web { pods app=web; port http 8080/tcp }
                  allow ingress namespaces team=payments except ingress-nginx pods role=client -> web:http
                  allow egress web -> everyone:tcp
                  allow web -> ingress-nginx.controller:http/tcp
                }
                """;
        change(forms, 2);
        assertThat(hover(at(forms, "namespaces team=payments", "team")))
                .contains("**namespaces team=payments except ingress-nginx pods role=client**")
                .contains("the pods `role=client` of every namespace `team=payments` but `ingress-nginx`")
                .contains("of this spec's namespaces: `app`");
        assertThat(hover(at(forms, "except ingress-nginx", "ingress-nginx")))
                .contains("**namespace** `ingress-nginx`")
                .contains("owned by others");
        assertThat(hover(at(forms, "allow ingress", "ingress"))).contains("one-sided flow");
        assertThat(hover(at(forms, "-> everyone", "everyone")))
                .contains("every pod of every namespace and every address");
        assertThat(hover(at(forms, "everyone:tcp", "tcp"))).contains("every TCP port");
        assertThat(hover(at(forms, "controller:http/tcp", "/tcp"))).contains("the container port named `http`");

        assertThat(complete(forms, "  allow ")).contains("ingress", "egress", "namespaces", "everyone", "web");
        assertThat(complete(forms, "allow egress web -> "))
                .contains("everyone", "namespaces")
                .doesNotContain("ingress");
        assertThat(complete(forms, "namespaces team=payments ")).containsExactly("except", "pods");
        assertThat(complete(forms, "-> everyone:")).contains("tcp", "udp", "sctp");
    }

    @Test
    void documentSymbolsAreTheOutline() throws Exception {
        var symbols = get(remote.getTextDocumentService()
                .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(siteUri))));
        List<DocumentSymbol> outline = symbols.stream().map(s -> s.getRight()).toList();
        assertThat(outline)
                .extracting(DocumentSymbol::getName)
                .containsExactly("\"common\"", "\"std/networks\"", "edge", "app");
        DocumentSymbol app = outline.get(3);
        assertThat(app.getChildren())
                .extracting(DocumentSymbol::getName)
                .containsExactly(
                        "frontend", "backend", "internet -> frontend", "frontend -> backnd", "backend -> office");
        assertThat(app.getChildren().get(0).getChildren())
                .extracting(DocumentSymbol::getName)
                .containsExactly("http");
        assertThat(outline.get(2).getChildren())
                .extracting(DocumentSymbol::getName)
                .contains("cp-1");
    }

    @Test
    void formattingGivesTheLayoutOfNetcFmt() throws Exception {
        String messy = "namespace app{\n      tier web{pods app = web}\n}\n";
        change(messy, 2);
        List<? extends TextEdit> edits = get(remote.getTextDocumentService()
                .formatting(new DocumentFormattingParams(
                        new TextDocumentIdentifier(siteUri), new FormattingOptions(2, true))));
        assertThat(apply(messy, edits)).isEqualTo("namespace app {\n  tier web { pods app=web }\n}\n");

        change("namespace app {\n", 3);
        assertThat(get(remote.getTextDocumentService()
                        .formatting(new DocumentFormattingParams(
                                new TextDocumentIdentifier(siteUri), new FormattingOptions(2, true)))))
                .as("no edit for a document with syntax errors")
                .isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** Sends the new text and returns the diagnostics published for that version. */
    private PublishDiagnosticsParams change(String text, int version) throws InterruptedException {
        published.clear();
        remote.getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(siteUri, version),
                        List.of(new TextDocumentContentChangeEvent(text))));
        PublishDiagnosticsParams params;
        do {
            params = nextDiagnostics();
        } while (params.getVersion() != version);
        return params;
    }

    private PublishDiagnosticsParams nextDiagnostics() throws InterruptedException {
        PublishDiagnosticsParams params = published.poll(20, TimeUnit.SECONDS);
        assertThat(params).as("publishDiagnostics").isNotNull();
        return params;
    }

    private String hover(Position position) throws Exception {
        return get(remote.getTextDocumentService()
                        .hover(new HoverParams(new TextDocumentIdentifier(siteUri), position)))
                .getContents()
                .getRight()
                .getValue();
    }

    private Location definition(Position position) throws Exception {
        var locations = get(remote.getTextDocumentService()
                        .definition(new DefinitionParams(new TextDocumentIdentifier(siteUri), position)))
                .getLeft();
        assertThat(locations).hasSize(1);
        return locations.get(0);
    }

    /** Labels offered with the cursor right after {@code before}. */
    private List<String> complete(String text, String before) throws Exception {
        int index = text.indexOf(before) + before.length();
        var items = get(remote.getTextDocumentService()
                        .completion(new CompletionParams(new TextDocumentIdentifier(siteUri), position(text, index))))
                .getLeft();
        return items.stream().map(CompletionItem::getLabel).toList();
    }

    /** The position of {@code word} inside the first occurrence of {@code context}. */
    private static Position at(String text, String context, String word) {
        return position(text, text.indexOf(context) + context.indexOf(word) + 1);
    }

    private static Range rangeOf(String text, String word) {
        return rangeOf(text, word, word);
    }

    private static Range rangeOf(String text, String context, String word) {
        int start = text.indexOf(context) + context.indexOf(word);
        return new Range(position(text, start), position(text, start + word.length()));
    }

    /** Line and UTF-16 column of a Java string index, which counts UTF-16 units too. */
    private static Position position(String text, int index) {
        int lineStart = text.lastIndexOf('\n', index - 1) + 1;
        return new Position(
                (int) text.substring(0, index).chars().filter(c -> c == '\n').count(), index - lineStart);
    }

    private static String apply(String text, List<? extends TextEdit> edits) {
        assertThat(edits).hasSize(1);
        TextEdit edit = edits.get(0);
        return text.substring(0, index(text, edit.getRange().getStart()))
                + edit.getNewText()
                + text.substring(index(text, edit.getRange().getEnd()));
    }

    /** Applies edits that do not overlap, last first so that earlier positions stay valid. */
    private static String applyAll(String text, List<? extends TextEdit> edits) {
        String result = text;
        List<TextEdit> ordered = new ArrayList<>(edits);
        ordered.sort(
                Comparator.comparingInt((TextEdit e) -> index(text, e.getRange().getStart()))
                        .reversed());
        for (TextEdit edit : ordered) {
            result = result.substring(0, index(result, edit.getRange().getStart()))
                    + edit.getNewText()
                    + result.substring(index(result, edit.getRange().getEnd()));
        }
        return result;
    }

    private static int index(String text, Position position) {
        int index = 0;
        for (int line = 0; line < position.getLine(); line++) {
            index = text.indexOf('\n', index) + 1;
        }
        return index + position.getCharacter();
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(20, TimeUnit.SECONDS);
    }

    /** The editor's side: records the diagnostics the server publishes. */
    private final class RecordingClient implements LanguageClient {
        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void showMessage(MessageParams messageParams) {}

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {}
    }
}

package dev.netc.lsp;

import dev.netc.analysis.Bindings;
import dev.netc.format.Formatter;
import dev.netc.parse.SourceToken;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The document features. Every open document is checked again on each change and its
 * diagnostics published; requests are answered from that latest check. lsp4j calls these
 * methods one at a time, on the thread that reads the client's messages; they queue their work
 * on the {@link Worker}, which does it in the same order, so that a newer edit can cancel the
 * check of an older one. The documents' state is only touched on the worker.
 */
final class DocumentService implements TextDocumentService {
    private final DocumentChecker checker;
    private final StdlibFiles stdlib;
    private final Worker worker = new Worker();
    private final Map<String, Snapshot> snapshots = new HashMap<>();
    /** The last snapshot of each document that parsed: completion needs names while the text is broken. */
    private final Map<String, Snapshot> lastParsed = new HashMap<>();
    /**
     * The tokens completion last read in each document, lexed by completion (not at every check,
     * which would hold up the next edit's): the next completion lexes only the text from the line
     * of the first change to the end of the cursor's line.
     */
    private final Map<String, TokenPrefix> lexed = new HashMap<>();

    private LanguageClient client;

    DocumentService(DocumentChecker checker, StdlibFiles stdlib) {
        this.checker = checker;
        this.stdlib = stdlib;
    }

    void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        update(
                params.getTextDocument().getUri(),
                params.getTextDocument().getText(),
                params.getTextDocument().getVersion());
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        var changes = params.getContentChanges();
        if (!changes.isEmpty()) { // full synchronisation: the last change is the whole text
            update(
                    params.getTextDocument().getUri(),
                    changes.get(changes.size() - 1).getText(),
                    params.getTextDocument().getVersion());
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        worker.cancel(uri);
        worker.run(() -> {
            snapshots.remove(uri);
            lastParsed.remove(uri);
            lexed.remove(uri);
            client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
        });
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the text is already known from didChange; other documents may import this file, so check them again
        worker.run(() -> snapshots.keySet().stream()
                .filter(uri -> !uri.equals(params.getTextDocument().getUri()))
                .toList()
                .forEach(uri -> update(uri, snapshots.get(uri).source().text(), null)));
    }

    private void update(String uri, String text, Integer version) {
        worker.check(
                uri,
                cancelled -> checker.check(uri, text, cancelled).ifPresent(snapshot -> {
                    snapshots.put(uri, snapshot);
                    if (snapshot.parsed()) {
                        lastParsed.put(uri, snapshot);
                    }
                    client.publishDiagnostics(new PublishDiagnosticsParams(
                            uri, diagnostics(snapshot).all(), version));
                    // after the diagnostics are out, before the hover or definition that may follow,
                    // and beside the worker: a thousand namespaces' uses take about 80 ms to resolve,
                    // which held up the check of the next edit (a question asked sooner waits for it)
                    worker.beside(() -> {
                        if (!cancelled.getAsBoolean()) {
                            snapshot.bindings().resolveUses();
                        }
                    });
                }));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer(params.getTextDocument().getUri(), params.getPosition(), (snapshot, offset) -> {
            Optional<String> rke2 = Hovers.rke2EntryAt(snapshot.statements(), snapshot.source(), offset)
                    .flatMap(entry -> Hovers.rke2Key(entry.key().text()));
            if (rke2.isPresent()) {
                return markdown(rke2.get());
            }
            return snapshot.bindings()
                    .at(snapshot.source(), offset)
                    .map(declaration -> markdown(new Hovers(snapshot.result().model()).describe(declaration)))
                    .or(() -> snapshot.bindings()
                            .formAt(snapshot.source(), offset)
                            .map(form -> markdown(Hovers.form(form))))
                    .orElse(null);
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return answer(params.getTextDocument().getUri(), params.getPosition(), (snapshot, offset) -> {
            List<Location> locations = snapshot.bindings()
                    .at(snapshot.source(), offset)
                    .flatMap(d -> location(d.nameSpan(), snapshot))
                    .map(List::of)
                    .orElse(List.of());
            return Either.forLeft(locations);
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return answer(params.getTextDocument().getUri(), params.getPosition(), (snapshot, offset) -> {
            List<Location> locations = new ArrayList<>();
            snapshot.bindings().at(snapshot.source(), offset).ifPresent(declaration -> {
                if (params.getContext().isIncludeDeclaration()) {
                    location(declaration.nameSpan(), snapshot).ifPresent(locations::add);
                }
                snapshot.bindings()
                        .usesOf(declaration)
                        .forEach(u -> location(u.span(), snapshot).ifPresent(locations::add));
            });
            return locations;
        });
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return answer(
                params.getTextDocument().getUri(),
                params.getPosition(),
                (snapshot, offset) -> Renames.renamable(snapshot, offset)
                        .map(target -> Either3.<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>forSecond(
                                new PrepareRenameResult(
                                        Positions.range(target.at()),
                                        target.declaration().shortName())))
                        .orElse(null));
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return answer(
                params.getTextDocument().getUri(),
                params.getPosition(),
                (snapshot, offset) ->
                        Renames.edit(snapshot, offset, params.getNewName(), span -> location(span, snapshot)));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return worker.answer(() -> {
            String uri = params.getTextDocument().getUri();
            Snapshot current = snapshots.get(uri);
            if (current == null) {
                return Either.forLeft(List.of());
            }
            Bindings names = lastParsed.getOrDefault(uri, current).bindings();
            String text = current.source().text();
            int offset = Positions.offset(text, params.getPosition());
            TokenPrefix prefix = lexed.getOrDefault(uri, TokenPrefix.NONE).through(text, offset);
            lexed.put(uri, prefix);
            List<SourceToken> tokens = prefix.tokens();
            return Completions.answer(new Completions(names).at(tokens, text, offset), tokens, text, offset);
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return worker.answer(() -> {
            Snapshot snapshot = snapshots.get(params.getTextDocument().getUri());
            return snapshot == null
                    ? List.of()
                    : DocumentSymbols.of(snapshot.statements()).stream()
                            .map(Either::<SymbolInformation, DocumentSymbol>forRight)
                            .toList();
        });
    }

    /** The whole document in the layout of {@code netc fmt}; no edit when it has syntax errors. */
    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return worker.answer(() -> {
            Snapshot snapshot = snapshots.get(params.getTextDocument().getUri());
            if (snapshot == null) {
                return List.of();
            }
            SourceFile source = snapshot.source();
            String text = source.text();
            return Formatter.format(source)
                    .text()
                    .filter(formatted -> !formatted.equals(text))
                    .map(formatted -> List.of(new TextEdit(
                            new Range(
                                    new Position(0, 0),
                                    Positions.position(source, text.codePointCount(0, text.length()))),
                            formatted)))
                    .orElse(List.of());
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return worker.answer(() -> {
            Snapshot snapshot = snapshots.get(params.getTextDocument().getUri());
            return snapshot == null
                    ? List.of()
                    : diagnostics(snapshot).fixes(params.getRange()).stream()
                            .map(Either::<Command, CodeAction>forRight)
                            .toList();
        });
    }

    private LspDiagnostics diagnostics(Snapshot snapshot) {
        return new LspDiagnostics(snapshot, span -> location(span, snapshot));
    }

    /** Where a span is for the editor: the open document, a file on disk, or the standard library's copy. */
    private Optional<Location> location(Span span, Snapshot snapshot) {
        SourceFile file = span.file();
        Optional<String> uri = file == snapshot.source()
                ? Optional.of(snapshot.uri())
                : file.path()
                        .or(() -> stdlib.file(file.displayName()))
                        .map(path -> path.toUri().toString());
        return uri.map(u -> new Location(u, Positions.range(span)));
    }

    private static Hover markdown(String text) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, text));
    }

    /** A request about a position of an open document; null or empty when the document is not open. */
    private <T> CompletableFuture<T> answer(String uri, Position position, Answer<T> answer) {
        return worker.answer(() -> {
            Snapshot snapshot = snapshots.get(uri);
            return snapshot == null
                    ? null
                    : answer.apply(snapshot, Positions.offset(snapshot.source().text(), position));
        });
    }

    private interface Answer<T> {
        T apply(Snapshot snapshot, int offset);
    }
}

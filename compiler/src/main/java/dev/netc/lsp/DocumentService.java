package dev.netc.lsp;

import dev.netc.analysis.Bindings;
import dev.netc.format.Formatter;
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
 * The document features. Every open document is compiled again on each change and its
 * diagnostics published; requests are answered from that latest compilation. lsp4j calls
 * these methods one at a time, on the thread that reads the client's messages.
 */
final class DocumentService implements TextDocumentService {
    private final DocumentChecker checker;
    private final StdlibFiles stdlib;
    private final Map<String, Snapshot> snapshots = new HashMap<>();
    /** The last snapshot of each document that parsed: completion needs names while the text is broken. */
    private final Map<String, Snapshot> lastParsed = new HashMap<>();

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
        snapshots.remove(uri);
        lastParsed.remove(uri);
        client.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the text is already known from didChange; other documents may import this file, so check them again
        snapshots.keySet().stream()
                .filter(uri -> !uri.equals(params.getTextDocument().getUri()))
                .toList()
                .forEach(uri -> update(uri, snapshots.get(uri).source().text(), null));
    }

    private void update(String uri, String text, Integer version) {
        Snapshot snapshot = checker.check(uri, text);
        snapshots.put(uri, snapshot);
        if (snapshot.parsed()) {
            lastParsed.put(uri, snapshot);
        }
        client.publishDiagnostics(
                new PublishDiagnosticsParams(uri, diagnostics(snapshot).all(), version));
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
        String uri = params.getTextDocument().getUri();
        Snapshot current = snapshots.get(uri);
        if (current == null) {
            return CompletableFuture.completedFuture(Either.forLeft(List.of()));
        }
        Bindings names = lastParsed.getOrDefault(uri, current).bindings();
        String text = current.source().text();
        return CompletableFuture.completedFuture(
                Either.forLeft(new Completions(names).at(text, Positions.offset(text, params.getPosition()))));
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        Snapshot snapshot = snapshots.get(params.getTextDocument().getUri());
        List<Either<SymbolInformation, DocumentSymbol>> symbols = snapshot == null
                ? List.of()
                : DocumentSymbols.of(snapshot.statements()).stream()
                        .map(Either::<SymbolInformation, DocumentSymbol>forRight)
                        .toList();
        return CompletableFuture.completedFuture(symbols);
    }

    /** The whole document in the layout of {@code netc fmt}; no edit when it has syntax errors. */
    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        Snapshot snapshot = snapshots.get(params.getTextDocument().getUri());
        if (snapshot == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        SourceFile source = snapshot.source();
        String text = source.text();
        List<TextEdit> edits = Formatter.format(source)
                .text()
                .filter(formatted -> !formatted.equals(text))
                .map(formatted -> List.of(new TextEdit(
                        new Range(
                                new Position(0, 0), Positions.position(source, text.codePointCount(0, text.length()))),
                        formatted)))
                .orElse(List.of());
        return CompletableFuture.completedFuture(edits);
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        Snapshot snapshot = snapshots.get(params.getTextDocument().getUri());
        List<Either<Command, CodeAction>> actions = snapshot == null
                ? List.of()
                : diagnostics(snapshot).fixes(params.getRange()).stream()
                        .map(Either::<Command, CodeAction>forRight)
                        .toList();
        return CompletableFuture.completedFuture(actions);
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
        Snapshot snapshot = snapshots.get(uri);
        if (snapshot == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.completedFuture(
                answer.apply(snapshot, Positions.offset(snapshot.source().text(), position)));
    }

    private interface Answer<T> {
        T apply(Snapshot snapshot, int offset);
    }
}

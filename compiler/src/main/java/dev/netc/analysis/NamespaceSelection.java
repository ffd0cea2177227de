package dev.netc.analysis;

import dev.netc.ast.Endpoint;
import dev.netc.ast.Name;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import java.util.List;
import java.util.Optional;

/**
 * {@code namespaces SELECTOR [except NAMES] [pods SELECTOR]} at the end of a flow: the pods of
 * namespaces chosen by their labels, declared in the spec or not. Its selectors are checked as a
 * tier's are and its names must be namespace names ({@link Scope#selection}); the names after
 * {@code except} are uses of the namespaces the spec declares; and what it chooses among the
 * declared namespaces is recorded for the editor.
 */
final class NamespaceSelection {
    private final Scope scope;
    private final Bindings.Recorder bindings;
    private final DiagnosticSink sink;

    NamespaceSelection(Scope scope, Bindings.Recorder bindings, DiagnosticSink sink) {
        this.scope = scope;
        this.bindings = bindings;
        this.sink = sink;
    }

    Optional<Peer> resolve(Endpoint.SelectedNamespaces end) {
        Optional<Peer.SelectedNamespaces> resolved = Scope.selection(end, sink);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        for (Name name : end.except()) {
            if (scope.namespace(name.text()).isPresent()) {
                bindings.use(name.span(), Bindings.Kind.NAMESPACE, name.text());
            }
        }
        Peer.SelectedNamespaces selected = resolved.get();
        bindings.form(end.span(), selected.text(), meaning(selected));
        if (selected.namespaces().isEmpty()
                && selected.except().isEmpty()
                && selected.pods().isEmpty()) {
            return Optional.of(new Peer.AllNamespaces()); // `namespaces *` is `*`
        }
        return Optional.of(selected);
    }

    /** What it chooses, and which of the spec's namespaces are among them. */
    private String meaning(Peer.SelectedNamespaces selected) {
        List<String> chosen = scope.namespaceNames().stream()
                .map(name -> scope.namespace(name).orElseThrow())
                .filter(n -> selected.chooses(n.labelsOnCluster()))
                .map(Namespace::name)
                .map(n -> "`" + n + "`")
                .toList();
        String pods = selected.pods().isEmpty()
                ? "every pod"
                : "the pods `" + selected.pods().text() + "`";
        String namespaces = selected.namespaces().isEmpty()
                ? "every namespace"
                : "every namespace `" + selected.namespaces().text() + "`";
        String except = selected.except().isEmpty()
                ? ""
                : " but "
                        + String.join(
                                ", ",
                                selected.except().stream()
                                        .map(n -> "`" + n + "`")
                                        .toList());
        return pods + " of " + namespaces + except + ", whoever creates it, now or later\n\n"
                + (chosen.isEmpty()
                        ? "none of the namespaces of this spec"
                        : "of this spec's namespaces: " + String.join(", ", chosen));
    }
}

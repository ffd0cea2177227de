package dev.netc.lsp;

import dev.netc.analysis.Bindings;
import dev.netc.analysis.NewName;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Renaming a declared name: the declaration and every use the compiler resolved to it, across the
 * files of the compilation. Each of those spans holds exactly the name's last part (a tier's use in
 * {@code ns.tier} is recorded on the tier part), or that part in quotes for a label written as a
 * string.
 */
final class Renames {
    /** A declaration that can be renamed, and the span of it under the cursor. */
    record Target(Bindings.Declaration declaration, Span at) {}

    private Renames() {}

    static Optional<Target> renamable(Snapshot snapshot, int offset) {
        Bindings bindings = snapshot.bindings();
        return bindings.at(snapshot.source(), offset)
                .filter(d -> d.kind() != Bindings.Kind.MODULE && !inStandardLibrary(d))
                .map(d -> new Target(
                        d,
                        spans(bindings, d).stream()
                                .filter(s -> s.file() == snapshot.source() && s.start() <= offset && offset <= s.end())
                                .findFirst()
                                .orElse(d.nameSpan())));
    }

    static WorkspaceEdit edit(
            Snapshot snapshot, int offset, String newName, Function<Span, Optional<Location>> locate) {
        Target target = renamable(snapshot, offset).orElseThrow(() -> refused("nothing here can be renamed"));
        Bindings.Declaration declaration = target.declaration();
        NewName.problem(declaration.kind(), newName).ifPresent(problem -> {
            throw refused(problem);
        });
        String renamed = qualifiedName(declaration, newName);
        if (snapshot.bindings().find(declaration.kind(), renamed).isPresent()) {
            throw refused("a " + declaration.kind().keyword() + " `" + renamed + "` exists already");
        }
        Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
        for (Span span : spans(snapshot.bindings(), declaration)) {
            Location location = locate.apply(span)
                    .orElseThrow(() -> refused("`" + span.file().displayName() + "` cannot be edited"));
            String text = span.text().startsWith("\"") ? "\"" + newName + "\"" : newName;
            changes.computeIfAbsent(location.getUri(), uri -> new ArrayList<>())
                    .add(new TextEdit(location.getRange(), text));
        }
        return new WorkspaceEdit(changes);
    }

    /** The declaration's name and every use of it. */
    private static List<Span> spans(Bindings bindings, Bindings.Declaration declaration) {
        List<Span> spans = new ArrayList<>();
        spans.add(declaration.nameSpan());
        bindings.usesOf(declaration).forEach(use -> spans.add(use.span()));
        return spans;
    }

    /** The full name the declaration would have: tiers and tier ports keep what comes before their last part. */
    private static String qualifiedName(Bindings.Declaration declaration, String newName) {
        String name = declaration.name();
        return name.substring(0, name.length() - declaration.shortName().length()) + newName;
    }

    private static boolean inStandardLibrary(Bindings.Declaration declaration) {
        return declaration.nameSpan().file().path().isEmpty()
                && declaration.nameSpan().file().displayName().startsWith("std/");
    }

    private static ResponseErrorException refused(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, message, null));
    }
}

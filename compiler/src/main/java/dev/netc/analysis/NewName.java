package dev.netc.analysis;

import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import java.util.List;
import java.util.Optional;

/** Whether a name can replace a declared one: the editor's rename asks before it edits. */
public final class NewName {
    private NewName() {}

    /** What is wrong with {@code name} as the new name of a declaration of this kind, if anything. */
    public static Optional<String> problem(Bindings.Kind kind, String name) {
        List<SourceToken> tokens = SourceTokens.lex(name);
        if (tokens.size() != 1
                || tokens.get(0).kind() != SourceToken.Kind.NAME
                || !tokens.get(0).text().equals(name)) {
            return Optional.of("`" + name
                    + "` is not a name of the language (letters, digits, `_`, `-`, `.`; reserved words " + "excluded)");
        }
        return switch (kind) {
            case NAMESPACE, TIER, NODE -> Labels.dnsLabelProblem(name);
            case TIER_PORT -> Labels.portNameProblem(name);
            case MODULE -> Optional.of("a module is named by its file: rename the file");
            case NETWORK, CLUSTER, EXTERNAL, PORT_CONSTANT, PARAM ->
                name.indexOf('.') >= 0 && kind != Bindings.Kind.EXTERNAL
                        ? Optional.of("a " + kind.keyword() + " name has no `.`")
                        : Optional.empty();
        };
    }
}

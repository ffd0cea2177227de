package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Secret;
import dev.netc.source.Span;
import java.util.Optional;

/**
 * The cluster's {@code token}: {@code env("NAME")}, {@code file("path")}, or a literal
 * (discouraged, NS2015). What is read is checked as {@link TokenValue} says, and never shown.
 *
 * <p>{@code env} and {@code file} are read by {@link SecretReader}, as WireGuard's pre-shared key
 * is: only writing the node files needs the value ({@link SecretSource#required()}), so for the
 * commands that write none a token that cannot be read is no error; one that is read and could
 * never be used still is, since the build would refuse it.
 */
final class ClusterToken {
    private final Values values;
    private final SecretReader secrets;
    private final DiagnosticSink sink;

    ClusterToken(Values values, SecretReader secrets, DiagnosticSink sink) {
        this.values = values;
        this.secrets = secrets;
        this.sink = sink;
    }

    Optional<Secret> read(Statement.Block block, Optional<Statement.Property> property) {
        if (property.isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2010, block.kind().span(), "the cluster block", "a `token`")
                    .withHelp("add `token env(\"CLUSTER_TOKEN\")`: nodes join with this shared secret"));
            return Optional.empty();
        }
        Optional<Value> value = Properties.single(property.get(), sink);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Value.Str literal) {
            sink.report(
                    Diagnostic.of(Code.NS2015, literal.span())
                            .withLabel("the secret is in the file")
                            .withHelp(
                                    "read it at compile time instead: `token env(\"CLUSTER_TOKEN\")` or `token file(\"token.txt\")`"));
            return values.text(literal).flatMap(text -> usable(text, false, "the source", literal.span()));
        }
        Optional<Value.Call> call = secrets.reference(value.get());
        return call.flatMap(c -> secrets.read(c, "the cluster token"))
                .flatMap(read -> usable(
                        read.reveal(),
                        call.get().function().text().equals("file"),
                        read.origin(),
                        call.get().span()));
    }

    /** The token as every node will use it, or nothing (reported) when it cannot be one. */
    private Optional<Secret> usable(String text, boolean fromFile, String origin, Span span) {
        TokenValue.Read read = TokenValue.read(text, fromFile);
        if (read instanceof TokenValue.Unusable unusable) {
            sink.report(Diagnostic.of(
                            Code.NS2014,
                            span,
                            "the cluster token",
                            "the token from " + origin + " " + unusable.problem())
                    .withNote("the token goes into every node file as it is; netc never shows it, so check where it "
                            + "comes from"));
            return Optional.empty();
        }
        TokenValue.Usable token = (TokenValue.Usable) read;
        if (!token.trimmed().isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2030, span, origin, token.trimmed())
                    .withNote("k3s trims white space from a token it reads back from a file, so a server would "
                            + "use another token after a restart; netc writes the token without it"));
        }
        if (token.token().contains("{{")) {
            sink.report(Diagnostic.of(Code.NS4012, span)
                    .withNote("the token from " + origin + " goes into the RKE2 config, which yip renders as a Go "
                            + "template (mudler/yip@62df27a pkg/plugins/files.go:64); netc never shows the token")
                    .withHelp("generate a token without `{{`"));
            return Optional.empty();
        }
        return Optional.of(new Secret(token.token(), origin));
    }
}

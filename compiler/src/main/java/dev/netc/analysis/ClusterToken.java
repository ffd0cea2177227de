package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Secret;
import dev.netc.source.Span;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's {@code token}: {@code env("NAME")}, {@code file("path")}, or a literal
 * (discouraged, NS2015). What is read is checked as {@link TokenValue} says, and never shown.
 *
 * <p>Only writing the node files needs the value ({@link SecretSource#required()}): for the
 * commands that write none, a token that cannot be read is no error, but one that is read and
 * could never be used still is, since the build would refuse it.
 */
final class ClusterToken {
    private final Values values;
    private final SecretSource secrets;
    private final DiagnosticSink sink;

    ClusterToken(Values values, SecretSource secrets, DiagnosticSink sink) {
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
        if (!(value.get() instanceof Value.Call call) || !(call.argument() instanceof Value.Str)) {
            sink.report(Diagnostic.of(
                    Code.NS2009,
                    value.get().span(),
                    "`env(\"NAME\")` or `file(\"path\")`",
                    value.get().describe()));
            return Optional.empty();
        }
        Optional<String> argument = values.text(call.argument());
        if (argument.isEmpty()) {
            return Optional.empty();
        }
        switch (call.function().text()) {
            case "env":
                return env(argument.get(), call.span());
            case "file":
                return file(argument.get(), call);
            default:
                Diagnostic unknown = Diagnostic.of(
                        Code.NS1001,
                        call.function().span(),
                        "function",
                        call.function().text(),
                        "");
                sink.report(Suggest.didYouMean(unknown, call.function().text(), List.of("env", "file"))
                        .orElse(unknown.withNote("a token comes from `env(\"NAME\")` or `file(\"path\")`")));
                return Optional.empty();
        }
    }

    private Optional<Secret> env(String name, Span span) {
        Optional<String> text = secrets.env(name).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            if (!secrets.required()) {
                return Optional.empty();
            }
            sink.report(Diagnostic.of(Code.NS2014, span, "environment variable `" + name + "` is not set or empty")
                    .withHelp("export " + name + " before running netc"));
            return Optional.empty();
        }
        return usable(text.get(), false, "environment variable " + name, span);
    }

    /** {@code file("path")}: relative to the spec's folder, and unlike imports free to leave the project. */
    private Optional<Secret> file(String path, Value.Call call) {
        Path base = call.span()
                .file()
                .path()
                .map(p -> p.toAbsolutePath().getParent())
                .orElse(Path.of("").toAbsolutePath());
        StringBuilder problem = new StringBuilder();
        Optional<String> text = secrets.file(base.resolve(path).normalize(), problem);
        if (text.isEmpty()) {
            if (!secrets.required()) {
                return Optional.empty();
            }
            sink.report(Diagnostic.of(Code.NS2014, call.span(), problem.toString())
                    .withNote("a token file is a regular file of at most " + SecretSource.MAX_FILE_BYTES
                            + " bytes of UTF-8 text, the token on one line"));
            return Optional.empty();
        }
        return usable(text.get(), true, "file " + path, call.span());
    }

    /** The token as every node will use it, or nothing (reported) when it cannot be one. */
    private Optional<Secret> usable(String text, boolean fromFile, String origin, Span span) {
        TokenValue.Read read = TokenValue.read(text, fromFile);
        if (read instanceof TokenValue.Unusable unusable) {
            sink.report(Diagnostic.of(Code.NS2014, span, "the token from " + origin + " " + unusable.problem())
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

package dev.netc.analysis;

import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A secret the spec names but does not hold: {@code env("NAME")} or {@code file("path")}, read when
 * netc runs (the cluster token, WireGuard's pre-shared key). What is read is never shown; a secret
 * that cannot be read is an error (NS2014) only when the command writes the files that need it
 * ({@link SecretSource#required()}).
 */
final class SecretReader {
    private final Values values;
    private final SecretSource secrets;
    private final DiagnosticSink sink;

    SecretReader(Values values, SecretSource secrets, DiagnosticSink sink) {
        this.values = values;
        this.secrets = secrets;
        this.sink = sink;
    }

    /**
     * @param call {@code env("NAME")} or {@code file("path")}, with a string argument
     * @param what the secret, as messages name it: {@code the cluster token}
     */
    Optional<Secret> read(Value.Call call, String what) {
        Optional<String> argument = values.text(call.argument());
        if (argument.isEmpty()) {
            return Optional.empty();
        }
        switch (call.function().text()) {
            case "env": {
                Optional<String> secret = secrets.env(argument.get()).filter(s -> !s.isEmpty());
                if (secret.isEmpty() && secrets.required()) {
                    sink.report(Diagnostic.of(
                                    Code.NS2014,
                                    call.span(),
                                    what,
                                    "environment variable `" + argument.get() + "` is not set or empty")
                            .withHelp("export " + argument.get() + " before running netc"));
                }
                return secret.map(s -> new Secret(s, "environment variable " + argument.get()));
            }
            case "file": {
                // relative to the spec's folder, and unlike imports free to leave the project
                Path base = call.span()
                        .file()
                        .path()
                        .map(p -> p.toAbsolutePath().getParent())
                        .orElse(Path.of("").toAbsolutePath());
                StringBuilder problem = new StringBuilder();
                Optional<String> secret = secrets.file(
                                base.resolve(argument.get()).normalize(), problem)
                        .filter(s -> !s.isEmpty());
                if (secret.isEmpty() && secrets.required()) {
                    sink.report(Diagnostic.of(
                                    Code.NS2014,
                                    call.span(),
                                    what,
                                    problem.length() > 0
                                            ? problem.toString()
                                            : "file `" + argument.get() + "` is empty")
                            .withNote("a secret's file is a regular file of at most " + SecretSource.MAX_FILE_BYTES
                                    + " bytes of UTF-8 text, read no further"));
                }
                return secret.map(s -> new Secret(s, "file " + argument.get()));
            }
            default: {
                Diagnostic unknown = Diagnostic.of(
                        Code.NS1001,
                        call.function().span(),
                        "function",
                        call.function().text(),
                        "");
                sink.report(Suggest.didYouMean(unknown, call.function().text(), List.of("env", "file"))
                        .orElse(unknown.withNote("a secret comes from `env(\"NAME\")` or `file(\"path\")`")));
                return Optional.empty();
            }
        }
    }

    /** Whether the value names a secret: a call with a string argument; anything else is NS2009. */
    Optional<Value.Call> reference(Value value) {
        if (value instanceof Value.Call call && call.argument() instanceof Value.Str) {
            return Optional.of(call);
        }
        sink.report(Diagnostic.of(Code.NS2009, value.span(), "`env(\"NAME\")` or `file(\"path\")`", value.describe()));
        return Optional.empty();
    }
}

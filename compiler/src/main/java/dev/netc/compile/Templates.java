package dev.netc.compile;

import dev.netc.analysis.SecretSource;
import dev.netc.ast.SpecFile;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.emit.Emitter;
import dev.netc.emit.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NS4012: Kairos renders file content as Go templates, so {@code {{} anywhere in the output
 * would be evaluated on the node.
 *
 * <p>A compile need not search its files, nor a check that writes nothing ({@code netc check},
 * the language server) emit them, to know there is none. Every character of the output is netc's own text (which holds no
 * {@code {{}), YAML's punctuation (whose only brace is an empty map, {@code {}}, after
 * {@code ": "} or {@code "- "}), or part of one string of the model, written as one scalar
 * whose escapes add no brace. A string of the model is a secret's value, or pieces of string
 * literals of the source (whose escapes add no brace either) with parameters' values between
 * them. So without a brace in a secret or in a parameter's value, and without an empty
 * parameter that could join two braces, a {@code {{} of the output is one that the source text
 * holds; only then are the files searched (and emitted, by a check). {@code TemplatesTest} holds this to the
 * examples and to generated specs made of braces.
 */
final class Templates {
    private static final String OPEN = "{{";

    private Templates() {}

    /** Reports NS4012 for each file that holds {@code {{}. */
    static void check(List<OutputFile> outputs, DiagnosticSink sink) {
        // a large spec's outputs are tens of megabytes (every server's cloud-config holds every
        // manifest): many files are searched on every processor, in order all the same
        for (OutputFile file : Emitter.streamOf(outputs)
                .filter(file -> file.content().contains(OPEN))
                .toList()) {
            sink.report(Diagnostic.of(Code.NS4012, null)
                    .withNote("in " + file.path()
                            + (file.secret() ? " (a file with the cluster token: check the token)" : "")));
        }
    }

    /** Whether the output of a compile of these inputs could hold {@code {{}. */
    static boolean possible(List<SpecFile> files, Map<String, String> params, Recording secrets) {
        return files.stream().anyMatch(file -> file.source().text().contains(OPEN))
                || params.values().stream().anyMatch(value -> value.isEmpty() || value.contains("{"))
                || secrets.values.stream().anyMatch(value -> value.contains("{"));
    }

    /** A secret source that remembers the values it gave, which reach the output as they are. */
    static final class Recording implements SecretSource {
        private final SecretSource secrets;
        private final List<String> values = new ArrayList<>();

        Recording(SecretSource secrets) {
            this.secrets = secrets;
        }

        @Override
        public synchronized Optional<String> env(String name) {
            Optional<String> value = secrets.env(name);
            value.ifPresent(values::add);
            return value;
        }

        @Override
        public synchronized Optional<String> file(Path path, StringBuilder problem) {
            Optional<String> value = secrets.file(path, problem);
            value.ifPresent(values::add);
            return value;
        }

        @Override
        public boolean required() {
            return secrets.required();
        }
    }
}

package dev.netc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.compile.Redactor;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Label;
import dev.netc.diagnostics.TextRenderer;
import dev.netc.emit.Emitter;
import dev.netc.emit.OutputFile;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What every fuzz input must satisfy, whatever it is: anything but these is a finding. */
final class FuzzChecks {
    /** The token every `env(...)` and `file(...)` yields: it must never show in a diagnostic. */
    static final String TOKEN = "K10fuzz-token-that-must-never-leak";

    /** A placeholder of messages.properties; a control character shown as a backslash, `u` and `{0013}` is none. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\\\u)\\{\\d}");

    /** An empty folder as the project root, so fuzzed imports find nothing but the standard library. */
    private static final Path ROOT = emptyFolder();

    /** Secrets without touching the environment or the disk: fuzzed `file("...")` names must not read files. */
    private static final SecretSource SECRETS = new SecretSource() {
        @Override
        public Optional<String> env(String name) {
            return Optional.of(TOKEN);
        }

        @Override
        public Optional<String> file(Path path, StringBuilder problem) {
            return Optional.of(TOKEN);
        }
    };

    private FuzzChecks() {}

    static Compiler.Result compile(SourceFile source) {
        return Compiler.compile(new Compiler.Request(
                List.of(), List.of(source), ROOT, ROOT, Map.of(), SECRETS, Emitter.Options.DEFAULT));
    }

    /**
     * Diagnostics are well-formed values (spans inside their file, placeholders filled in) that
     * render without failing, without a control character, and never show the token
     * (unless the input itself has it outside a token literal: the fuzzer learns the token from
     * the comparisons that look for it in comments, and a token typed into the text has not
     * leaked from netc);
     * output exists exactly when there is no error, and all of it is YAML that reads back.
     */
    static void check(Compiler.Result result, String input) {
        boolean tokenTypedIn = input.contains(TOKEN);
        Redactor redactor = Redactor.of(result);
        TextRenderer renderer = new TextRenderer(false, redactor.mask());
        for (Diagnostic diagnostic : result.diagnostics()) {
            assertThat(diagnostic.message()).isNotBlank();
            // every `{n}` of the template is filled in: one left in the message must come from the input
            PLACEHOLDER
                    .matcher(diagnostic.message())
                    .results()
                    .forEach(m -> assertThat(input)
                            .as("unfilled %s in: %s", m.group(), diagnostic.message())
                            .contains(m.group()));
            if (diagnostic.primary() != null) {
                checkSpan(diagnostic.primary());
            }
            diagnostic.labels().stream().map(Label::span).forEach(FuzzChecks::checkSpan);
            String rendered = renderer.render(redactor.apply(diagnostic));
            // whatever the input holds, nothing reaches the terminal but text and line feeds
            assertThat(rendered.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f))
                    .as("control characters in\n%s", rendered)
                    .isEmpty();
            if (!tokenTypedIn) {
                assertThat(rendered).doesNotContain(TOKEN);
            }
        }
        if (result.hasErrors()) {
            assertThat(result.files()).isEmpty();
        }
        for (OutputFile file : result.files()) {
            YamlOutput.check(file);
        }
    }

    private static void checkSpan(Span span) {
        assertThat(span.end())
                .as("span %s within its file", span)
                .isLessThanOrEqualTo(span.file().text().length());
    }

    private static Path emptyFolder() {
        try {
            Path folder = Files.createTempDirectory("netc-fuzz-root");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

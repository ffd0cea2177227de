package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.emit.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives the same bytes whatever the order of the input files, the locale
 * (Turkish lower-cases `I` to a dotless `ı`) or the time zone.
 */
class DeterminismTest {

    @Test
    void outputDoesNotDependOnLocaleOrTimeZone() {
        Path example = Examples.DIR.resolve("edge-site.netspec");
        Map<String, String> reference = contents(Examples.compile(example).files());
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Chatham"));
            assertThat(contents(Examples.compile(example).files())).isEqualTo(reference);
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    @Test
    void outputDoesNotDependOnTheOrderOfInputFiles(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("a.netspec");
        Path second = dir.resolve("b.netspec");
        Files.writeString(
                first,
                "namespace shop { isolate ingress; tier web { pods app=web } }\nallow ops.* -> shop.web:443/tcp\n");
        Files.writeString(
                second, "namespace ops { tier bastion { pods app=bastion } }\nallow ops.bastion -> shop.web:22/tcp\n");
        assertThat(contents(compile(dir, List.of(second, first))))
                .isEqualTo(contents(compile(dir, List.of(first, second))))
                .isNotEmpty();
    }

    private static List<OutputFile> compile(Path dir, List<Path> inputs) {
        Compiler.Result result = Compiler.compile(new Compiler.Request(
                inputs, List.of(), dir, dir, Map.of(), SecretSource.of(Map.of()), Emitter.Options.DEFAULT));
        assertThat(result.diagnostics()).isEmpty();
        return result.files();
    }

    private static Map<String, String> contents(List<OutputFile> files) {
        return files.stream().collect(Collectors.toMap(OutputFile::path, OutputFile::content));
    }
}

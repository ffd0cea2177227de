package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated standard library compiles and gives back every module's text exactly. */
class StdlibGeneratorTest {
    private static final String PACKAGE = "dev.netc.load";
    /** Quotes, backslashes, non-ASCII text and a file without a final newline: what string escaping can get wrong. */
    private static final String TRICKY =
            "// \"quoted\" \\ back\\slash, tab\there, caf\u00e9 \u2192 \ud83d\ude80\nexternal x { cidr 10.0.0.0/8 }";

    @TempDir
    Path dir;

    @Test
    void everyModuleComesBackByNameAndTheNamesAreSorted() throws Exception {
        Path stdlib = Files.createDirectories(dir.resolve("stdlib"));
        Files.writeString(stdlib.resolve("ports.netspec"), "port http 80/tcp\n", StandardCharsets.UTF_8);
        Files.writeString(stdlib.resolve("kube-system.netspec"), TRICKY, StandardCharsets.UTF_8);
        Files.writeString(stdlib.resolve("README.md"), "not a module", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");

        StdlibGenerator.main(new String[] {stdlib.toString(), out.toString(), PACKAGE});

        Class<?> sources = Javac.compile(dir.resolve("classes"), out.resolve("dev/netc/load/StdlibSources.java"))
                .loadClass(PACKAGE + ".StdlibSources");
        Method text = sources.getMethod("text", String.class);
        assertThat(text.invoke(null, "ports")).isEqualTo(Optional.of("port http 80/tcp\n"));
        assertThat(text.invoke(null, "kube-system")).isEqualTo(Optional.of(TRICKY));
        assertThat(text.invoke(null, "README")).isEqualTo(Optional.empty());
        assertThat(sources.getField("NAMES").get(null)).isEqualTo(List.of("kube-system", "ports"));
    }

    @Test
    void aModuleTooLargeForAStringConstantIsRefused() throws IOException {
        Path stdlib = Files.createDirectories(dir.resolve("stdlib"));
        Files.writeString(stdlib.resolve("huge.netspec"), "x".repeat(StdlibGenerator.MAX_CONSTANT_BYTES + 1));

        assertThatThrownBy(() -> StdlibGenerator.read(stdlib))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than a string constant holds");
    }

    @Test
    void aFolderWithoutModulesIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThatThrownBy(() -> StdlibGenerator.read(empty)).hasMessageContaining("no .netspec file");
    }
}

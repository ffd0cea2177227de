package dev.netc.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.Emitter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports resolve only inside the project root and the standard library: absolute paths,
 * `..` and symbolic links that lead out are errors, links that stay inside are fine, and an
 * import cycle names every file in it. Real files and links in a temporary folder.
 */
class ImportConfinementTest {
    @TempDir
    Path dir;

    private Path project;
    private Path outside;

    @BeforeEach
    void folders() throws IOException {
        project = Files.createDirectories(dir.resolve("project"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.netspec"), "namespace stolen { isolate }\n");
        Files.writeString(project.resolve("shared.netspec"), "namespace shared { isolate }\n");
    }

    @Test
    void anAbsolutePathIsOutsideTheRoot() throws IOException {
        assertThat(codes(entry("import \"" + outside.resolve("secret.netspec") + "\"\n")))
                .containsExactly(Code.NS1010);
    }

    @Test
    void dotDotThatLeavesTheRootIsOutside() throws IOException {
        assertThat(codes(entry("import \"../outside/secret\"\n"))).containsExactly(Code.NS1010);
        assertThat(codes(entry("import \"sub/../../outside/secret\"\n"))).containsExactly(Code.NS1010);
    }

    @Test
    void dotDotThatStaysInsideIsFine() throws IOException {
        Files.createDirectories(project.resolve("sub"));
        assertThat(codes(entry("import \"sub/../shared\"\n"))).isEmpty();
    }

    @Test
    void aLinkToAFileOutsideIsOutside() throws IOException {
        Files.createSymbolicLink(project.resolve("innocent.netspec"), outside.resolve("secret.netspec"));
        assertThat(codes(entry("import \"innocent\"\n"))).containsExactly(Code.NS1010);
    }

    @Test
    void aLinkToAFolderOutsideIsOutside() throws IOException {
        Files.createSymbolicLink(project.resolve("vendor"), outside);
        assertThat(codes(entry("import \"vendor/secret\"\n"))).containsExactly(Code.NS1010);
    }

    @Test
    void aLinkThatStaysInsideIsFine() throws IOException {
        Files.createDirectories(project.resolve("lib"));
        Files.createSymbolicLink(project.resolve("lib/shared.netspec"), project.resolve("shared.netspec"));
        Files.createSymbolicLink(project.resolve("modules"), project.resolve("lib"));
        assertThat(codes(entry("import \"lib/shared\"\n"))).isEmpty();
        assertThat(codes(entry("import \"modules/shared\"\n"))).isEmpty();
    }

    @Test
    void theRootDefaultsToTheEntryFolderAndARootOptionWidensIt() throws IOException {
        Path sub = Files.createDirectories(project.resolve("sites"));
        Path site = Files.writeString(sub.resolve("site.netspec"), "import \"../shared\"\n");
        assertThat(codes(compile(site, sub))).containsExactly(Code.NS1010);
        assertThat(codes(compile(site, project))).isEmpty();
    }

    @Test
    void theStandardLibraryIsAlwaysAvailable() throws IOException {
        assertThat(codes(entry("import \"std/ports\"\nimport \"std/networks\"\n")))
                .isEmpty();
    }

    @Test
    void aCycleNamesEveryFileInIt() throws IOException {
        Files.writeString(project.resolve("b.netspec"), "import \"c\"\n");
        Files.writeString(project.resolve("c.netspec"), "import \"a\"\n");
        Path a = Files.writeString(project.resolve("a.netspec"), "import \"b\"\n");
        List<Diagnostic> diagnostics = compile(a, project).diagnostics();
        assertThat(diagnostics).extracting(Diagnostic::code).containsExactly(Code.NS1004);
        assertThat(diagnostics.get(0).message())
                .contains("a.netspec -> ")
                .contains("b.netspec -> ")
                .contains("c.netspec -> ")
                .endsWith("a.netspec");
    }

    @Test
    void aLinkedFileFoundInAnInputFolderMustNotLeadOutside() throws IOException {
        Path folder = Files.createDirectories(project.resolve("specs"));
        Files.writeString(folder.resolve("own.netspec"), "namespace own { isolate }\n");
        Files.createSymbolicLink(folder.resolve("linked.netspec"), outside.resolve("secret.netspec"));
        Files.createSymbolicLink(folder.resolve("shared.netspec"), project.resolve("shared.netspec"));
        Compiler.Result result = compile(folder, project);
        assertThat(codes(result)).containsExactly(Code.NS1020);
        assertThat(result.diagnostics().get(0).message()).contains("linked.netspec");
        assertThat(result.model().namespaces()).extracting(n -> n.name()).containsExactly("own", "shared");
    }

    private Path entry(String text) throws IOException {
        return Files.writeString(project.resolve("main.netspec"), text);
    }

    private Compiler.Result compile(Path input, Path root) {
        return Compiler.compile(new Compiler.Request(
                List.of(input), List.of(), root, dir, Map.of(), SecretSource.of(Map.of()), Emitter.Options.DEFAULT));
    }

    private List<Code> codes(Path entry) {
        return codes(compile(entry, project));
    }

    private static List<Code> codes(Compiler.Result result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }
}

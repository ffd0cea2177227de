package dev.netc.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell completions and the man page of the distribution, read by the programs that use
 * them: each completion script parsed by its shell and asked for completions where the shell
 * can be asked from a script (bash, fish; zsh registers it), the man page rendered by groff
 * without a warning.
 */
class CompletionAndManPageTest {
    private static final Path BASH = Tools.HOME.resolve("share/bash-completion/completions/netc");
    private static final Path ZSH = Tools.HOME.resolve("share/zsh/site-functions/_netc");
    private static final Path FISH = Tools.HOME.resolve("share/fish/vendor_completions.d/netc.fish");
    private static final Path MAN = Tools.HOME.resolve("share/man/man1/netc.1");

    @TempDir
    Path dir;

    @Test
    void bashParsesItsScriptAndCompletesCommandsOptionsAndValues() {
        assertThat(Tools.run(Path.of(""), "bash", "-n", BASH.toString()).exit()).isZero();
        assertThat(bashCompletes("netc comp")).containsExactly("compile", "completion");
        assertThat(bashCompletes("netc check --format "))
                .containsExactly("text", "json", "sarif", "github", "junit", "gitlab");
        assertThat(bashCompletes("netc check --deny")).containsExactly("--deny-warnings");
        assertThat(bashCompletes("netc explain NS002")).containsExactly("NS0020", "NS0021");
        assertThat(bashCompletes("netc completion ")).containsExactly("bash", "zsh", "fish");
    }

    @Test
    void zshParsesItsScriptAndRegistersItForNetc() throws IOException {
        Tools.need("zsh", "zsh");
        assertThat(Tools.run(Path.of(""), "zsh", "-n", ZSH.toString()).exit()).isZero();
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.copy(ZSH, functions.resolve("_netc"));
        Tools.Run registered = Tools.run(
                dir,
                Map.of("HOME", dir.toString()),
                "",
                List.of(
                        "zsh",
                        "-f",
                        "-c",
                        "fpath=(" + functions + " $fpath); autoload -U compinit; compinit -u -d " + dir
                                + "/zcompdump; print -r -- ${_comps[netc]}"));
        assertThat(registered.out().strip()).as(registered.err()).isEqualTo("_netc");
    }

    @Test
    void fishParsesItsScriptAndCompletesCommandsOptionsAndValues() {
        Tools.need("fish", "fish");
        assertThat(Tools.run(Path.of(""), "fish", "--no-execute", FISH.toString())
                        .exit())
                .isZero();
        assertThat(fishCompletes("netc comp")).containsExactly("compile", "completion");
        assertThat(fishCompletes("netc check --format ")).contains("sarif", "junit", "gitlab");
        assertThat(fishCompletes("netc compile --deny")).containsExactly("--deny-warnings");
        assertThat(fishCompletes("netc explain NS002")).containsExactly("NS0020", "NS0021");
    }

    @Test
    void theManPageRendersWithoutWarningsAndCoversEveryCommandAndOption() {
        Tools.need("groff", "groff-base");
        Tools.Run render = Tools.run(Path.of(""), "groff", "-man", "-ww", "-z", MAN.toString());
        assertThat(render.err()).isEmpty();
        assertThat(render.exit()).isZero();
        Tools.Run text = Tools.run(Path.of(""), "groff", "-man", "-Tutf8", MAN.toString());
        String page = text.out().replaceAll(".\b", "").replace('\u2010', '-').replace('\u2212', '-');
        for (String expected : List.of(
                "netc compile",
                "netc check",
                "netc fmt",
                "netc completion",
                "--deny-warnings",
                "--path-prefix",
                "--format",
                "EXIT STATUS",
                "netc " + Tools.VERSION)) {
            assertThat(page).as("the man page mentions %s", expected).contains(expected);
        }
    }

    /** COMPREPLY after the script's function is called on {@code line} (the cursor at its end). */
    private List<String> bashCompletes(String line) {
        String words = line.endsWith(" ") ? line + "''" : line;
        String script = "source " + BASH + "; COMP_WORDS=(" + words + "); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ));"
                + " _netc; printf '%s\\n' \"${COMPREPLY[@]}\"";
        Tools.Run run = Tools.run(dir, "bash", "-c", script);
        assertThat(run.err()).isEmpty();
        return run.out().lines().filter(l -> !l.isEmpty()).toList();
    }

    /** What fish offers for {@code line}: `complete -C`, the candidates without their descriptions. */
    private List<String> fishCompletes(String line) {
        Tools.Run run = Tools.run(dir, "fish", "--no-config", "-c", "source " + FISH + "; complete -C '" + line + "'");
        assertThat(run.err()).isEmpty();
        return run.out().lines().map(l -> l.split("\t")[0]).toList();
    }
}

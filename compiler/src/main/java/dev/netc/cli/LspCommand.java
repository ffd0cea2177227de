package dev.netc.cli;

import dev.netc.lsp.NetcLanguageServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code netc lsp}: the language server, over standard input and output. */
@Command(name = "lsp", mixinStandardHelpOptions = true,
        description = "Run the language server (LSP over standard input and output) for editors.")
final class LspCommand implements Callable<Integer> {
    @Option(names = "--stdio", description = "talk over standard input and output (the default and only transport; "
            + "accepted because some clients pass it)")
    boolean stdio;

    @Override
    public Integer call() {
        return NetcLanguageServer.serve(System.in, System.out);
    }
}

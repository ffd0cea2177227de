package dev.netc.cli;

import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Option;
import dev.netc.lsp.NetcLanguageServer;
import java.util.List;

/** {@code netc lsp}: the language server, over standard input and output. */
final class LspCommand implements Subcommand {
    private static final Option STDIO = Option.flag(
            "talk over standard input and output (the default and only "
                    + "transport; accepted because some clients pass it)",
            "--stdio");
    static final Command COMMAND = Command.named(
                    "lsp", "Run the language server (LSP over standard input and output) for editors.")
            .withOptions(List.of(STDIO))
            .withExitCodes(Netc.exitCodes(
                    new ExitCode(Netc.OK, "the client asked for a shutdown, then an exit"),
                    new ExitCode(1, "the connection ended without a shutdown request first"),
                    Netc.USAGE_ERROR));

    @Override
    public int call() {
        return NetcLanguageServer.serve(System.in, System.out);
    }
}

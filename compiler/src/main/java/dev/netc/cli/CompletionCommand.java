package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.UsageException;
import dev.netc.cli.args.ValueType;
import java.io.PrintWriter;
import java.util.Locale;

/** {@code netc completion bash|zsh|fish}: the shell's completion script for netc. */
final class CompletionCommand implements Subcommand {
    static final Positional SHELL = Positional.one("SHELL", ValueType.TEXT, "bash, zsh or fish");
    static final Command COMMAND = Command.named(
                    "completion",
                    "Print the shell completion script for netc: commands, options, their values and .netspec files.",
                    "",
                    "bash: `source <(netc completion bash)`, or save it as "
                            + "~/.local/share/bash-completion/completions/netc. zsh: save it as `_netc` in a folder of "
                            + "$fpath. fish: save it as ~/.config/fish/completions/netc.fish. The distribution's "
                            + "install.sh puts all three in place.")
            .withPositionals(SHELL)
            .withExitCodes(Netc.exitCodes(new ExitCode(Netc.OK, "success"), Netc.USAGE_ERROR));

    private final ShellCompletion.Shell shell;
    private final PrintWriter out;

    CompletionCommand(Arguments arguments, PrintWriter out) throws UsageException {
        String name = arguments.positional(SHELL).get(0);
        try {
            this.shell = ShellCompletion.Shell.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown shell `" + name + "`: use bash, zsh or fish");
        }
        this.out = out;
    }

    @Override
    public int call() {
        out.print(ShellCompletion.script(shell, Netc.commands()));
        out.flush();
        return Netc.OK;
    }
}

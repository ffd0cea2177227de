package dev.netc.cli;

import dev.netc.analysis.Suggest;
import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.UsageException;
import dev.netc.cli.args.ValueType;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Explanation;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code netc explain NS2003}: what a diagnostic means, with a wrong and a right example. */
final class ExplainCommand implements Subcommand {
    private static final Positional CODE =
            Positional.optional("CODE", ValueType.TEXT, "the code: NS2003, ns2003 or 2003");
    private static final Option LIST = Option.flag("list every code with its severity and title", "--list");
    static final Command COMMAND = Command.named(
                    "explain",
                    "Explain a diagnostic code, with an example that triggers it and the same example fixed.")
            .withPositionals(CODE)
            .withOptions(List.of(LIST))
            .withExitCodes(Netc.exitCodes(
                    new ExitCode(Netc.OK, "success"),
                    new ExitCode(Netc.USAGE, "a usage error, or not a diagnostic code")));

    private final String code;
    private final boolean list;
    private final PrintWriter out;
    private final PrintWriter err;

    ExplainCommand(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
        List<String> codes = arguments.positional(CODE);
        this.code = codes.isEmpty() ? null : codes.get(0);
        this.list = arguments.has(LIST);
        this.out = out;
        this.err = err;
        if (list == (code != null)) {
            throw new UsageException("give either a code, such as `netc explain NS2003`, or `--list`");
        }
    }

    @Override
    public int call() {
        if (list) {
            for (Code each : Code.values()) {
                out.printf(
                        "%s  %-7s  %s%n",
                        each.name(),
                        each.defaultSeverity().label(),
                        Explanation.of(each).title());
            }
            out.flush();
            return Netc.OK;
        }
        String name = canonical(code);
        Code parsed = Code.parse(name);
        if (parsed == null) {
            err.println("error: `" + code.strip() + "` is not a diagnostic code");
            Suggest.didYouMeanHelp(
                            name, Arrays.stream(Code.values()).map(Code::name).toList())
                    .ifPresent(help -> err.println("  = help: " + help));
            err.println("  = note: `netc explain --list` lists every code");
            err.flush();
            return Netc.USAGE;
        }
        out.print(TerminalMarkdown.render(Explanation.of(parsed).markdown()));
        out.flush();
        return Netc.OK;
    }

    /** `NS2003` for `ns2003` and for the bare number `2003`. */
    private static String canonical(String text) {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        return upper.matches("[0-9]{4}") ? "NS" + upper : upper;
    }
}

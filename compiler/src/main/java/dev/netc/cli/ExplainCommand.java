package dev.netc.cli;

import dev.netc.analysis.Suggest;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Explanation;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netc explain NS2003}: what a diagnostic means, with a wrong and a right example. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain a diagnostic code, with an example that triggers it and the same example fixed.")
final class ExplainCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CODE", arity = "0..1", description = "the code: NS2003, ns2003 or 2003")
    String code;

    @Option(names = "--list", description = "list every code with its severity and title")
    boolean list;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list == (code != null)) {
            err.println("error: give either a code, such as `netc explain NS2003`, or `--list`");
            spec.commandLine().usage(err);
            return Netc.USAGE;
        }
        if (list) {
            for (Code each : Code.values()) {
                out.printf("%s  %-7s  %s%n", each.name(), each.defaultSeverity().label(), Explanation.of(each).title());
            }
            out.flush();
            return Netc.OK;
        }
        String name = canonical(code);
        Code parsed = Code.parse(name);
        if (parsed == null) {
            err.println("error: `" + code.strip() + "` is not a diagnostic code");
            Suggest.didYouMeanHelp(name, Arrays.stream(Code.values()).map(Code::name).toList())
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

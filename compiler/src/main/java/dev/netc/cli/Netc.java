package dev.netc.cli;

import dev.netc.Version;
import dev.netc.analysis.Suggest;
import dev.netc.cli.args.ArgumentParser;
import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Help;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.UsageException;
import dev.netc.cli.args.ValueType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The {@code netc} command line: picks the command, parses its arguments, runs it. */
public final class Netc {
    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int STALE = 3;
    public static final int INTERNAL = 70;
    /** The exit codes every command's help lists. */
    static final ExitCode USAGE_ERROR = new ExitCode(USAGE, "usage error");
    static final ExitCode INTERNAL_ERROR = new ExitCode(INTERNAL, "internal error (a bug in netc: please report it)");

    private static final String PROGRAM = "netc";
    private static final Command NETC = Command.named(PROGRAM,
                    "Compiles .netspec network specs into RKE2/Kairos cloud-config, Canal settings and NetworkPolicies.")
            .withPositionals(Positional.one("COMMAND", ValueType.TEXT, "the command to run, one of those listed below"))
            .withExitCodes(List.of(
                    new ExitCode(OK, "success (warnings allowed)"),
                    new ExitCode(INPUT_ERRORS, "the input has errors (or compile cannot write its output folder)"),
                    USAGE_ERROR,
                    new ExitCode(STALE, "--check found stale output"),
                    INTERNAL_ERROR));
    private static final Positional TOPIC = Positional.optional("COMMAND", ValueType.TEXT, "the command to explain");
    private static final Command HELP = Command.named("help", "Show the help of netc or of one of its commands.")
            .withPositionals(TOPIC)
            .withExitCodes(List.of(new ExitCode(OK, "success"), USAGE_ERROR, INTERNAL_ERROR));

    private Netc() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs netc in-process, for tests and for {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(List.of(args), out, err);
        } catch (RuntimeException e) {
            BugReport.print(e, err);
            return INTERNAL;
        }
    }

    /** Every command but {@code help}, in the order of the help page. */
    private static final List<Subcommand.Entry> COMMANDS = List.of(CompileCommand.ENTRY, CheckCommand.ENTRY,
            QueryCommand.ENTRY, DiffCommand.ENTRY, GraphCommand.ENTRY, FmtCommand.ENTRY, LspCommand.ENTRY,
            ExplainCommand.ENTRY);

    private static int dispatch(List<String> args, PrintWriter out, PrintWriter err) {
        List<Subcommand.Entry> commands = COMMANDS;
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return runProgram(args, commands, out, err);
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (name.equals(HELP.name())) {
            return runHelp(rest, commands, out, err);
        }
        for (Subcommand.Entry command : commands) {
            if (command.command().name().equals(name)) {
                return runCommand(command, rest, out, err);
            }
        }
        return usageError(new UsageException("unknown command `" + name + "`",
                Suggest.didYouMeanHelp(name, names(commands)).orElse(null)), NETC, out, err);
    }

    /** {@code netc}, {@code netc --help}, {@code netc --version}. */
    private static int runProgram(List<String> args, List<Subcommand.Entry> commands, PrintWriter out, PrintWriter err) {
        try {
            if (args.isEmpty()) {
                throw new UsageException("missing COMMAND", "the commands are " + String.join(", ", names(commands)));
            }
            Arguments arguments = ArgumentParser.parse(NETC, args);
            if (arguments.has(Command.VERSION)) {
                return printVersion(out);
            }
            if (arguments.has(Command.HELP)) {
                return printHelp(NETC, commands, out);
            }
            throw new UsageException("the command comes first: netc COMMAND [OPTIONS]");
        } catch (UsageException e) {
            return usageError(e, NETC, out, err);
        }
    }

    /** {@code netc help [COMMAND]}. */
    private static int runHelp(List<String> args, List<Subcommand.Entry> commands, PrintWriter out, PrintWriter err) {
        try {
            Arguments arguments = ArgumentParser.parse(HELP, args);
            if (arguments.has(Command.VERSION)) {
                return printVersion(out);
            }
            List<String> topic = arguments.positional(TOPIC);
            if (arguments.has(Command.HELP) || topic.isEmpty()) {
                return printHelp(arguments.has(Command.HELP) ? HELP : NETC, commands, out);
            }
            for (Subcommand.Entry command : commands) {
                if (command.command().name().equals(topic.get(0))) {
                    return printHelp(command.command(), List.of(), out);
                }
            }
            throw new UsageException("unknown command `" + topic.get(0) + "`",
                    Suggest.didYouMeanHelp(topic.get(0), names(commands)).orElse(null));
        } catch (UsageException e) {
            return usageError(e, HELP, out, err);
        }
    }

    private static int runCommand(Subcommand.Entry entry, List<String> args, PrintWriter out, PrintWriter err) {
        Command command = entry.command();
        try {
            Arguments arguments = ArgumentParser.parse(command, args);
            if (arguments.has(Command.HELP)) {
                return printHelp(command, List.of(), out);
            }
            if (arguments.has(Command.VERSION)) {
                return printVersion(out);
            }
            return entry.factory().create(arguments, out, err).call();
        } catch (UsageException e) {
            return usageError(e, command, out, err);
        }
    }

    private static int printVersion(PrintWriter out) {
        out.println("netc " + Version.current());
        out.flush();
        return OK;
    }

    /** The help page; the program's own lists the commands, {@code help} among them. */
    private static int printHelp(Command command, List<Subcommand.Entry> commands, PrintWriter out) {
        List<Command> listed = new ArrayList<>();
        for (Subcommand.Entry each : commands) {
            listed.add(each.command());
        }
        if (!listed.isEmpty()) {
            listed.add(HELP);
        }
        out.print(Help.page(invocation(command), command, listed));
        out.flush();
        return OK;
    }

    /** The problem, what may have been meant, the synopsis and where to read more: exit 2. */
    private static int usageError(UsageException problem, Command command, PrintWriter out, PrintWriter err) {
        err.println("error: " + problem.getMessage());
        problem.help().ifPresent(help -> err.println("  = help: " + help));
        err.println(Help.synopsis(invocation(command), command));
        err.println("Try `" + invocation(command) + " --help` for more information.");
        err.flush();
        return USAGE;
    }

    /** How the command is called: {@code netc compile}, or {@code netc} for netc itself. */
    private static String invocation(Command command) {
        return command == NETC ? PROGRAM : PROGRAM + " " + command.name();
    }

    private static List<String> names(List<Subcommand.Entry> commands) {
        List<String> names = new ArrayList<>();
        for (Subcommand.Entry command : commands) {
            names.add(command.command().name());
        }
        names.add(HELP.name());
        return names;
    }
}

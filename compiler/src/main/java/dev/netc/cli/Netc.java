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
    static final ExitCode USAGE_ERROR = new ExitCode(USAGE, "usage error");
    private static final ExitCode INTERNAL_ERROR =
            new ExitCode(INTERNAL, "internal error (a bug in netc: please report it)");

    private static final String PROGRAM = "netc";
    private static final Command NETC = Command.named(
                    PROGRAM,
                    "Compiles .netspec network specs into RKE2/Kairos cloud-config, Canal settings and NetworkPolicies.")
            .withPositionals(Positional.one("COMMAND", ValueType.TEXT, "the command to run, one of those listed below"))
            .withExitCodes(exitCodes(
                    new ExitCode(OK, "success (warnings allowed)"),
                    new ExitCode(INPUT_ERRORS, "the input has errors (or compile cannot write its output folder)"),
                    USAGE_ERROR,
                    new ExitCode(STALE, "fmt --check found files that are not formatted")));
    private static final Positional TOPIC = Positional.optional("COMMAND", ValueType.TEXT, "the command to explain");
    private static final Command HELP = Command.named("help", "Show the help of netc or of one of its commands.")
            .withPositionals(TOPIC)
            .withExitCodes(exitCodes(new ExitCode(OK, "success"), USAGE_ERROR));

    private Netc() {}

    /** A command's exit codes for its help: its own, then 70, which any command may return. */
    static List<ExitCode> exitCodes(ExitCode... own) {
        List<ExitCode> codes = new ArrayList<>(List.of(own));
        codes.add(INTERNAL_ERROR);
        return codes;
    }

    /** The exit codes of a command that reads specs: 0 {@code success}, 1 {@code inputErrors}, 2 usage error, 70. */
    static List<ExitCode> inputExitCodes(String success, String inputErrors) {
        return exitCodes(new ExitCode(OK, success), new ExitCode(INPUT_ERRORS, inputErrors), USAGE_ERROR);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs netc in-process, for tests and for {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return dispatch(List.of(args), out, err);
        } catch (RuntimeException | Error e) {
            // whatever the input, a failure of netc itself (a stack or memory exhausted too) ends as
            // NS9001 and 70, never as the JVM's own trace and exit 1, which a script would take for
            // errors in the input
            BugReport.print(e, err);
            return INTERNAL;
        }
    }

    private static int dispatch(List<String> args, PrintWriter out, PrintWriter err) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return runProgram(args, out, err);
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (name.equals(HELP.name())) {
            return runHelp(rest, out, err);
        }
        Commands command = Commands.named(name);
        if (command == null) {
            return usageError(unknownCommand(name), NETC, out, err);
        }
        return runCommand(command, rest, out, err);
    }

    /** {@code netc}, {@code netc --help}, {@code netc --version}. */
    private static int runProgram(List<String> args, PrintWriter out, PrintWriter err) {
        try {
            if (args.isEmpty()) {
                throw new UsageException("missing COMMAND", "the commands are " + String.join(", ", names()));
            }
            Arguments arguments = ArgumentParser.parse(NETC, args);
            if (arguments.has(Command.VERSION)) {
                return printVersion(out);
            }
            if (arguments.has(Command.HELP)) {
                return printHelp(NETC, out);
            }
            throw new UsageException("the command comes first: netc COMMAND [OPTIONS]");
        } catch (UsageException e) {
            return usageError(e, NETC, out, err);
        }
    }

    /** {@code netc help [COMMAND]}. */
    private static int runHelp(List<String> args, PrintWriter out, PrintWriter err) {
        try {
            Arguments arguments = ArgumentParser.parse(HELP, args);
            if (arguments.has(Command.VERSION)) {
                return printVersion(out);
            }
            List<String> topic = arguments.positional(TOPIC);
            if (arguments.has(Command.HELP) || topic.isEmpty()) {
                return printHelp(arguments.has(Command.HELP) ? HELP : NETC, out);
            }
            Commands command = Commands.named(topic.get(0));
            if (command == null) {
                throw unknownCommand(topic.get(0));
            }
            return printHelp(command.command(), out);
        } catch (UsageException e) {
            return usageError(e, HELP, out, err);
        }
    }

    private static int runCommand(Commands entry, List<String> args, PrintWriter out, PrintWriter err) {
        Command command = entry.command();
        try {
            Arguments arguments = ArgumentParser.parse(command, args);
            if (arguments.has(Command.HELP)) {
                return printHelp(command, out);
            }
            if (arguments.has(Command.VERSION)) {
                return printVersion(out);
            }
            return entry.create(arguments, out, err).call();
        } catch (UsageException e) {
            return usageError(e, command, out, err);
        }
    }

    private static int printVersion(PrintWriter out) {
        out.println("netc " + Version.current());
        out.flush();
        return OK;
    }

    /** The help page; netc's own lists the commands, {@code help} among them. */
    private static int printHelp(Command command, PrintWriter out) {
        out.print(Help.page(invocation(command), command, command == NETC ? commands() : List.of()));
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

    private static UsageException unknownCommand(String name) {
        return new UsageException(
                "unknown command `" + name + "`",
                Suggest.didYouMeanHelp(name, names()).orElse(null));
    }

    /** The exit codes of netc as a whole, as its help lists them. */
    static List<ExitCode> programExitCodes() {
        return NETC.exitCodes();
    }

    /** Every command, {@code help} last. */
    static List<Command> commands() {
        List<Command> commands = new ArrayList<>();
        for (Commands command : Commands.values()) {
            commands.add(command.command());
        }
        commands.add(HELP);
        return commands;
    }

    /** The name of every command, {@code help} last. */
    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Command command : commands()) {
            names.add(command.name());
        }
        return names;
    }
}

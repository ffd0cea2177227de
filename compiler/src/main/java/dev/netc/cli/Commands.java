package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.UsageException;
import java.io.PrintWriter;

/**
 * netc's commands but {@code help}, in the order of the help page: each one's declaration and
 * how it is made from a command line that matches it. A switch rather than a method reference
 * per command ({@code CompileCommand::new}): each of those links an invokedynamic call site at
 * start-up, and a run makes only one command.
 */
enum Commands {
    COMPILE(CompileCommand.COMMAND),
    CHECK(CheckCommand.COMMAND),
    QUERY(QueryCommand.COMMAND),
    DIFF(DiffCommand.COMMAND),
    GRAPH(GraphCommand.COMMAND),
    IMPORT(ImportCommand.COMMAND),
    FMT(FmtCommand.COMMAND),
    LSP(LspCommand.COMMAND),
    EXPLAIN(ExplainCommand.COMMAND),
    COMPLETION(CompletionCommand.COMMAND);

    private final Command command;

    Commands(Command command) {
        this.command = command;
    }

    Command command() {
        return command;
    }

    /**
     * The command, ready to run.
     *
     * @throws UsageException for a command line it cannot run though the declaration allows it
     */
    Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
        return switch (this) {
            case COMPILE -> new CompileCommand(arguments, out, err);
            case CHECK -> new CheckCommand(arguments, out, err);
            case QUERY -> new QueryCommand(arguments, out, err);
            case DIFF -> new DiffCommand(arguments, out, err);
            case GRAPH -> new GraphCommand(arguments, out, err);
            case IMPORT -> new ImportCommand(arguments, out, err);
            case FMT -> new FmtCommand(arguments, out, err);
            case LSP -> new LspCommand();
            case EXPLAIN -> new ExplainCommand(arguments, out, err);
            case COMPLETION -> new CompletionCommand(arguments, out);
        };
    }

    /** The command of that name; null when there is none. */
    static Commands named(String name) {
        for (Commands each : values()) {
            if (each.command.name().equals(name)) {
                return each;
            }
        }
        return null;
    }
}

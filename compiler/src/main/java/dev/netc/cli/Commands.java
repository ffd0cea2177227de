package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.UsageException;
import java.io.PrintWriter;

/**
 * netc's commands but {@code help}, in the order of the help page: each one's declaration and
 * how it is made from a command line that matches it. Constant bodies rather than method
 * references ({@code CompileCommand::new}): each of those links an invokedynamic call site at
 * start-up, and a run makes only one command.
 */
enum Commands {
    COMPILE(CompileCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) {
            return new CompileCommand(arguments, out, err);
        }
    },
    CHECK(CheckCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) {
            return new CheckCommand(arguments, out, err);
        }
    },
    QUERY(QueryCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) {
            return new QueryCommand(arguments, out, err);
        }
    },
    DIFF(DiffCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) {
            return new DiffCommand(arguments, out, err);
        }
    },
    GRAPH(GraphCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) {
            return new GraphCommand(arguments, out, err);
        }
    },
    FMT(FmtCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
            return new FmtCommand(arguments, out, err);
        }
    },
    LSP(LspCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) {
            return new LspCommand();
        }
    },
    EXPLAIN(ExplainCommand.COMMAND) {
        @Override
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException {
            return new ExplainCommand(arguments, out, err);
        }
    };

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
    abstract Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException;

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

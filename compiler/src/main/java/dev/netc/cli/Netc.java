package dev.netc.cli;

import dev.netc.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code netc} command line. */
@Command(name = "netc",
        mixinStandardHelpOptions = true,
        versionProvider = Netc.VersionProvider.class,
        description = "Compiles .netspec network specs into RKE2/Kairos cloud-config, Canal settings and NetworkPolicies.",
        subcommands = {CompileCommand.class, CheckCommand.class, QueryCommand.class, DiffCommand.class, GraphCommand.class,
            FmtCommand.class, LspCommand.class, ExplainCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (warnings allowed)",
            "1:the input has errors (or compile cannot write its output folder)",
            "2:usage error",
            "3:--check found stale output",
            Netc.INTERNAL_ERROR})
public final class Netc {
    public static final int OK = 0;
    public static final int INPUT_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int STALE = 3;
    public static final int INTERNAL = 70;
    /** The line every command's help gives exit code 70. */
    static final String INTERNAL_ERROR = "70:internal error (a bug in netc: please report it)";

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs netc in-process, for tests and for {@link #main}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Netc());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            BugReport.print(e, err);
            return INTERNAL;
        });
        return commandLine.execute(args);
    }

    /** {@code netc --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"netc " + Version.current()};
        }
    }
}

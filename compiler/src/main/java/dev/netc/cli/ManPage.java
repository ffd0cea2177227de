package dev.netc.cli;

import dev.netc.Version;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Help;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The manual page {@code netc(1)}, in roff, made from the commands' declarations as their
 * help pages are: the build writes it into the distribution ({@code man netc}), so it says what
 * {@code --help} says. Run with the jar on the class path; it prints the page.
 */
public final class ManPage {
    private ManPage() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        out.print(page(Netc.commands()));
        out.flush();
    }

    static String page(List<Command> commands) {
        StringBuilder s = new StringBuilder();
        s.append(".TH NETC 1 \"\" \"netc ").append(Version.current()).append("\" \"User Commands\"\n");
        s.append(".SH NAME\n");
        s.append("netc \\- compile .netspec network specs into RKE2/Kairos cloud-config, Canal settings and"
                + " NetworkPolicies\n");
        s.append(".SH SYNOPSIS\n");
        s.append(".B netc\n.I COMMAND\n[\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]\n");
        s.append(".SH DESCRIPTION\n");
        s.append(text("netc checks .netspec files, a declarative language for the network of an edge Kubernetes"
                + " cluster, and writes what RKE2 edge nodes on Kairos consume: a cloud-config per node, the Canal"
                + " settings and the NetworkPolicies. Problems are reported as a compiler reports them, each with a"
                + " stable code that `netc explain` explains."));
        s.append(".SH COMMANDS\n");
        for (Command command : commands) {
            s.append(".SS \"")
                    .append(escape(
                            Help.synopsis("netc " + command.name(), command).substring("Usage: ".length())))
                    .append("\"\n");
            for (String paragraph : command.description()) {
                s.append(paragraph.isEmpty() ? ".PP\n" : text(paragraph));
            }
            for (Positional positional : command.positionals()) {
                s.append(".TP\n.I ")
                        .append(escape(positional.synopsis()))
                        .append('\n')
                        .append(text(positional.description()));
            }
            List<Option> options = new ArrayList<>(command.allOptions());
            options.sort(Comparator.comparing(ManPage::sortKey));
            for (Option option : options) {
                s.append(".TP\n").append(names(option)).append(text(option.description()));
            }
        }
        s.append(".SH EXIT STATUS\n");
        for (ExitCode exit : Netc.programExitCodes()) {
            s.append(".TP\n.B ").append(exit.code()).append('\n').append(text(exit.meaning()));
        }
        s.append(text("query and diff answer with their exit code: see their sections and `netc COMMAND --help`."));
        s.append(".SH ENVIRONMENT\n");
        s.append(".TP\n.B NO_COLOR\n").append(text("when set, diagnostics are not coloured (as --color never)."));
        s.append(".TP\n.B JAVA_HOME\n").append(text("the Java (17 or later) the launcher runs netc with."));
        s.append(".TP\n.I the token variable\n")
                .append(text("`token env(\"NAME\")` reads the cluster token from NAME; only compile needs it."));
        s.append(".SH SEE ALSO\n");
        s.append(text("`netc help COMMAND`, `netc explain --list`; the language reference, docs/language.md, and the"
                + " diagnostics, docs/diagnostics.md, of the netc repository."));
        return s.toString();
    }

    /** {@code -o, --output DIR} in bold and italics. */
    private static String names(Option option) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < option.names().size(); i++) {
            line.append(i == 0 ? "\\fB" : "\\fR, \\fB")
                    .append(escape(option.names().get(i)));
        }
        line.append("\\fR");
        if (option.takesValue()) {
            line.append(" \\fI").append(escape(option.label())).append("\\fR");
        }
        return line.append('\n').toString();
    }

    private static String sortKey(Option option) {
        return option.name().replaceFirst("^-+", "");
    }

    /** A paragraph of text: escaped, and never a line that roff would read as a request. */
    private static String text(String paragraph) {
        String escaped = escape(paragraph);
        return (escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" : "") + escaped + "\n";
    }

    /** roff's escapes: a backslash, and a minus that must stay a minus (options, not hyphens). */
    private static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-");
    }
}

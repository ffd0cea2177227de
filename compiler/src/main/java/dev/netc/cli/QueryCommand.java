package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.TextRenderer;
import dev.netc.emit.Emitter;
import dev.netc.evaluator.Verdict;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.Explanation;
import dev.netc.query.Query;
import dev.netc.query.QueryException;
import java.io.PrintWriter;

/** {@code netc query PATH... "SRC -> DST:PORT"}: is that connection allowed, and why. */
final class QueryCommand implements Subcommand {
    static final int ALLOWED = 0;
    static final int DENIED = 1;

    private static final Positional QUERY = Positional.one(
            "QUERY",
            ValueType.TEXT,
            "the connection, `SRC -> DST:PORT`, e.g. netc query site.netspec \"app.web -> app.db:5432\"");
    static final Command COMMAND = Command.named(
                    "query",
                    "Is a connection allowed? Answered from the emitted NetworkPolicies, with the rules that decide.",
                    "",
                    "The answer comes from evaluating the emitted YAML, and names the policies and rules that decide on "
                            + "each side with the .netspec line they came from.",
                    "",
                    "QUERY is `SRC -> DST:PORT`. SRC and DST are written as flow ends: a tier `ns.tier`, a namespace `ns` "
                            + "(a pod of it in none of its tiers), an external, or an IP address (quote IPv6: \"2001:db8::7\"). "
                            + "PORT is a number with an optional protocol (`8080`, `8080/tcp`, `53/udp`; TCP by default) or a "
                            + "named port of the destination tier.",
                    "",
                    "Example: netc query examples/three-tier.netspec \"app.frontend -> app.backend:api\"")
            .withPositionals(CompileOptions.PATHS, QUERY)
            .withOptions(CompileOptions.OPTIONS)
            .withExitCodes(Netc.exitCodes(
                    new ExitCode(ALLOWED, "allowed"),
                    new ExitCode(DENIED, "denied"),
                    new ExitCode(
                            Netc.USAGE,
                            "no answer: a usage error, a query that cannot be read, or a spec with errors")));

    private final CompileOptions compile;
    private final String text;
    private final PrintWriter out;
    private final PrintWriter err;

    QueryCommand(Arguments arguments, PrintWriter out, PrintWriter err) {
        this.compile = CompileOptions.of(arguments);
        this.text = arguments.positional(QUERY).get(0);
        this.out = out;
        this.err = err;
    }

    @Override
    public int call() {
        Compiler.Result result = compile.forEvaluation(
                compile.inputs, Emitter.Options.builder().traceRules(true).build());
        if (result.hasErrors()) {
            compile.report(result, out, err, DiagnosticOptions.TEXT);
            return Netc.USAGE;
        }
        EmittedPolicies policies = EmittedPolicies.of(result);
        Query query;
        try {
            query = Query.parse(text, policies.endpoints(), result.model());
        } catch (QueryException e) {
            err.print(new TextRenderer(CompileOptions.useColor(compile.color)).render(e.diagnostic()));
            err.flush();
            return Netc.USAGE;
        }
        Verdict verdict = policies.evaluate(query.from(), query.to(), query.port(), query.protocol());
        out.print(Explanation.render(query, verdict, policies));
        out.flush();
        return verdict.allowed() ? ALLOWED : DENIED;
    }
}

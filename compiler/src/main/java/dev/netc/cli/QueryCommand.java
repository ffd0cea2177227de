package dev.netc.cli;

import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.evaluator.Verdict;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.Explanation;
import dev.netc.query.Query;
import dev.netc.query.QueryException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code netc query PATH... "SRC -> DST:PORT"}: is that connection allowed, and why. */
@Command(name = "query", mixinStandardHelpOptions = true,
        customSynopsis = "netc query [--set NAME=VALUE]... [--root DIR] [--color WHEN] PATH... QUERY",
        description = {"Is a connection allowed? Answered from the emitted NetworkPolicies, with the rules that decide.",
            "",
            "The answer comes from evaluating the emitted YAML, and names the policies and rules that decide on "
                + "each side with the .netspec line they came from.",
            "",
            "QUERY is `SRC -> DST:PORT`. SRC and DST are written as flow ends: a tier `ns.tier`, a namespace `ns` "
                + "(a pod of it in none of its tiers), an external, or an IP address (quote IPv6: \"2001:db8::7\"). "
                + "PORT is a number with an optional protocol (`8080`, `8080/tcp`, `53/udp`; TCP by default) or a "
                + "named port of the destination tier.",
            "",
            "Example: netc query examples/three-tier.netspec \"app.frontend -> app.backend:api\""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:allowed",
            "1:denied",
            "2:no answer: a usage error, a query that cannot be read, or a spec with errors",
            Netc.INTERNAL_ERROR})
final class QueryCommand implements Callable<Integer> {
    static final int ALLOWED = 0;
    static final int DENIED = 1;

    @Mixin
    CompileOptionsMixin options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CompileOptions compile = options.get();
        if (compile.inputs.size() < 2) {
            err.println("netc query: give the spec and the query, e.g. netc query site.netspec \"app.web -> app.db:5432\"");
            return Netc.USAGE;
        }
        // the last positional argument is the query, the others are the spec
        String text = compile.inputs.get(compile.inputs.size() - 1).toString();
        compile.inputs = List.copyOf(compile.inputs.subList(0, compile.inputs.size() - 1));
        Compiler.Result result = compile.compile(new Emitter.Options(false));
        if (result.hasErrors()) {
            compile.report(result, spec.commandLine().getOut(), err, DiagnosticOptions.TEXT);
            return Netc.USAGE;
        }
        EmittedPolicies policies = EmittedPolicies.of(result);
        Query query;
        try {
            query = Query.parse(text, policies.endpoints(), result.model());
        } catch (QueryException e) {
            err.print(usage(text, e));
            err.flush();
            return Netc.USAGE;
        }
        Verdict verdict = policies.evaluate(query.from(), query.to(), query.port(), query.protocol());
        PrintWriter out = spec.commandLine().getOut();
        out.print(Explanation.render(query, verdict, policies.provenance()));
        out.flush();
        return verdict.allowed() ? ALLOWED : DENIED;
    }

    /** The problem, the query with carets under it, and help. */
    static String usage(String text, QueryException e) {
        StringBuilder message = new StringBuilder("netc query: " + e.getMessage() + "\n");
        if (e.end() > e.start()) {
            message.append("  ").append(text).append('\n')
                    .append("  ").append(" ".repeat(e.start())).append("^".repeat(e.end() - e.start())).append('\n');
        }
        e.help().ifPresent(help -> message.append("  = help: ").append(help).append('\n'));
        return message.toString();
    }
}

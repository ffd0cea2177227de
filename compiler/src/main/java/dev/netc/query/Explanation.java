package dev.netc.query;

import dev.netc.emit.Provenance;
import dev.netc.evaluator.PolicyRef;
import dev.netc.evaluator.RuleRef;
import dev.netc.evaluator.SideVerdict;
import dev.netc.evaluator.Verdict;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a query for people: {@code allowed} or {@code denied} on the first line, then
 * the connection, then each side (the source's egress, the destination's ingress) with the
 * policies that isolate it and the rules that admit the connection, each traced to the
 * {@code .netspec} line it came from.
 */
public final class Explanation {
    private Explanation() {}

    public static String render(Query query, Verdict verdict, EmittedPolicies policies) {
        Provenance provenance = policies.provenance();
        SyntheticAddresses synthetic = new SyntheticAddresses(
                policies.endpoints().podRanges(), policies.manifests().policies());
        List<String> lines = new ArrayList<>();
        lines.add(verdict.allowed() ? "allowed" : "denied");
        lines.add("  query: " + query.from().name() + " -> " + query.to().name() + ":" + query.portText());
        lines.add("  from:  " + query.from().describe());
        lines.add("  to:    " + query.to().describe());
        side(lines, "egress of " + query.from().name(), verdict.egress(), query, provenance, synthetic);
        lines.addAll(synthetic.notes(verdict.egress(), query.to()));
        side(lines, "ingress of " + query.to().name(), verdict.ingress(), query, provenance, synthetic);
        lines.addAll(synthetic.notes(verdict.ingress(), query.from()));
        return String.join("\n", lines) + "\n";
    }

    private static void side(
            List<String> lines,
            String title,
            SideVerdict side,
            Query query,
            Provenance provenance,
            SyntheticAddresses synthetic) {
        if (!side.governed()) {
            Optional<dev.netc.evaluator.Cidr> podRange =
                    synthetic.podRangeOf(side.endpoint().ip());
            lines.add(title
                    + podRange.map(range -> ": no policy applies here: the address is in the pod range " + range
                                    + ", but no pod of the cluster netc evaluates on has it; on the cluster the pod "
                                    + "that has it has its own policies (name its tier or namespace)")
                            .orElse(": no policy applies to an address outside the cluster"));
            return;
        }
        if (!side.isolated()) {
            lines.add(title + ": allowed, no policy isolates it");
            return;
        }
        lines.add(title + ": " + (side.allowed() ? "allowed" : "denied"));
        Provenance.Direction direction =
                Provenance.Direction.valueOf(side.direction().name());
        isolatedBy(side.isolatedBy(), direction, provenance).forEach((source, policies) -> {
            lines.add("  isolated by " + String.join(", ", policies));
            source.ifPresent(span -> lines.add("    " + cite(span)));
        });
        if (side.allowedBy().isEmpty()) {
            NamedEndpoint other = direction == Provenance.Direction.EGRESS ? query.to() : query.from();
            lines.add(
                    "  no rule of these policies admits " + (direction == Provenance.Direction.EGRESS ? "to " : "from ")
                            + other.name() + " on " + query.portText());
        }
        for (RuleRef rule : side.allowedBy()) {
            lines.add("  allowed by " + rule);
            provenance
                    .rule(rule.policy().namespace(), rule.policy().name(), direction, rule.index())
                    .forEach(span -> lines.add("    " + cite(span)));
        }
    }

    /** The isolating policies grouped by the {@code isolate} statement behind them, in order of first appearance. */
    private static Map<Optional<Span>, List<String>> isolatedBy(
            List<PolicyRef> policies, Provenance.Direction direction, Provenance provenance) {
        Map<Optional<Span>, List<String>> groups = new LinkedHashMap<>();
        for (PolicyRef policy : policies) {
            Optional<Span> source = provenance.isolation(policy.namespace(), policy.name(), direction);
            groups.computeIfAbsent(source, s -> new ArrayList<>()).add(policy.toString());
        }
        return groups;
    }

    /**
     * {@code file:line: first line of the statement}, as compilers cite source, without its
     * comments: they may hold anything, even the cluster token pasted there, and the answer
     * shows them to whoever asks.
     */
    static String cite(Span span) {
        StringBuilder code = new StringBuilder();
        boolean more = false;
        int gap = 0;
        for (SourceToken token : SourceTokens.lex(span.text())) {
            if (token.line() > 1) {
                more = true;
                break;
            }
            gap = Math.max(gap, token.gapBefore()); // a comment left out leaves its gap or the next token's
            if (!token.isComment()) {
                code.append(" ".repeat(code.isEmpty() ? 0 : gap)).append(token.text());
                gap = 0;
            }
        }
        return span.file().displayName() + ":" + span.line() + ": " + code + (more ? " ..." : "");
    }
}

package dev.netc.ast;

import dev.netc.source.Span;
import java.util.List;

/**
 * The statements of the language. Blocks ({@code network}, {@code cluster}, {@code node},
 * {@code namespace}, {@code tier}, {@code canal}, {@code kube-proxy}, ...) share one shape;
 * which properties and statements each takes is decided by the analysis, not the grammar.
 */
public sealed interface Statement {
    Span span();

    /** {@code import "std/ports"} */
    record Import(Value.Str path, Span span) implements Statement {}

    /** {@code param site: int = 12} */
    record Param(Name name, Name type, Value defaultValue, Span span) implements Statement {}

    /** {@code external internet = 0.0.0.0/0, ::/0 except private} */
    record External(Name name, List<Value> include, List<Value> exclude, Span span) implements Statement {
        public External {
            include = List.copyOf(include);
            exclude = List.copyOf(exclude);
        }
    }

    /** {@code port dns = 53/udp, 53/tcp} */
    record PortConstant(Name name, List<PortRef> ports, Span span) implements Statement {
        public PortConstant {
            ports = List.copyOf(ports);
        }
    }

    /**
     * {@code allow frontend -> backend:api}; empty {@code ports} means every port. {@code side} is
     * the word of a one-sided flow, {@code allow ingress ...} or {@code allow egress ...}.
     */
    record Allow(List<Endpoint> from, List<Endpoint> to, List<PortRef> ports, java.util.Optional<Name> side, Span span)
            implements Statement {
        public Allow {
            from = List.copyOf(from);
            to = List.copyOf(to);
            ports = List.copyOf(ports);
        }
    }

    /**
     * {@code expect allow app.frontend -> app.backend:api}, {@code expect deny internet -> app.db}:
     * what the emitted policies must allow, or must not allow, on every port written (every port
     * when none is). {@code verdict} is the word after {@code expect}, {@code allow} or {@code deny}
     * when the spec is right; the analysis reports any other.
     */
    record Expect(Name verdict, List<Endpoint> from, List<Endpoint> to, List<PortRef> ports, Span span)
            implements Statement {
        public Expect {
            from = List.copyOf(from);
            to = List.copyOf(to);
            ports = List.copyOf(ports);
        }
    }

    /** {@code pods tier=frontend, env in (prod, staging)}; empty selectors mean {@code pods *}. */
    record Pods(List<Selector> selectors, Span span) implements Statement {
        public Pods {
            selectors = List.copyOf(selectors);
        }
    }

    /** {@code labels team=shop}; only equality selectors are meaningful here. */
    record Labels(List<Selector> labels, Span span) implements Statement {
        public Labels {
            labels = List.copyOf(labels);
        }
    }

    /** {@code rke2 { write-kubeconfig-mode = "0640" }} */
    record Rke2(List<Rke2Entry> entries, Span span) implements Statement {
        public Rke2 {
            entries = List.copyOf(entries);
        }
    }

    /** {@code kind label { body }}, e.g. {@code tier frontend { ... }} or {@code kube-proxy ipvs { ... }}. */
    record Block(Name kind, Value label, List<Statement> body, Span span) implements Statement {
        public Block {
            body = List.copyOf(body);
        }
    }

    /**
     * {@code key value value, value value}: each group is one list item, e.g.
     * {@code interface eth0 10.0.1.10 on mgmt}. A flag such as {@code strict-arp} has no groups.
     */
    record Property(Name key, List<List<Value>> groups, Span span) implements Statement {
        public Property {
            groups = groups.stream().map(List::copyOf).toList();
        }
    }

    /** One {@code key = value} line of an {@code rke2} block. */
    record Rke2Entry(Name key, Value value, Span span) {}
}

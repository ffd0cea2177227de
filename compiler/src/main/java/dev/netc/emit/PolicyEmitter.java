package dev.netc.emit;

import dev.netc.emit.FlowIndex.End;
import dev.netc.emit.Provenance.Direction;
import dev.netc.model.Flow;
import dev.netc.model.LabelSelector;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.Tier;
import dev.netc.source.Span;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Namespaces and NetworkPolicies.
 *
 * <p>Per namespace: a default-deny policy per isolated direction, DNS egress where egress is
 * isolated, one policy for flows of the namespace as a whole ({@code all-pods}), and one
 * policy per tier with both the ingress and the egress rules of its flows. A flow adds a rule
 * only on a side that is isolated: elsewhere everything is allowed already, and a rule there
 * would isolate the pod as a side effect.
 *
 * <p>The flows of each tier and namespace come from a {@link FlowIndex} built once, and every
 * rule is recorded with the statements it came from in a {@link Provenance}.
 */
public final class PolicyEmitter {
    static final String DEFAULT_DENY_INGRESS = "default-deny-ingress";
    static final String DEFAULT_DENY_EGRESS = "default-deny-egress";
    static final String ALLOW_DNS_EGRESS = "allow-dns-egress";
    static final String ALL_PODS = "all-pods";
    static final String TIER_PREFIX = "tier-";
    /** Between the two tiers of an overlap policy's name; no tier name has a dot. */
    static final String OVERLAP_SEPARATOR = ".in-";

    /** The documents of each namespace that has any, by namespace name, in declaration order, and where their rules came from. */
    public record Policies(Map<String, List<Node>> documents, Provenance provenance) {}

    private final Model model;
    private final FlowIndex flows;
    /** UDP and TCP 53 to the cluster's DNS: CoreDNS, and NodeLocal DNSCache where the cluster runs it. */
    private final PolicyRule dnsRule;

    private final boolean traceRules;
    private final boolean gitOps;
    private final Provenance.Builder provenance = new Provenance.Builder();

    private PolicyEmitter(Model model, boolean traceRules, boolean gitOps) {
        this.model = model;
        this.flows = new FlowIndex(model.flows(), model.namespaces());
        this.dnsRule = PolicyRule.dns(model.cluster());
        this.traceRules = traceRules;
        this.gitOps = gitOps;
    }

    /**
     * @param traceRules whether the result's provenance is recorded (else it is empty)
     * @param gitOps whether a GitOps engine delivers the objects: they then say what it must not delete
     */
    public static Policies emit(Model model, boolean traceRules, boolean gitOps) {
        PolicyEmitter emitter = new PolicyEmitter(model, traceRules, gitOps);
        Map<String, List<Node>> documents = new LinkedHashMap<>();
        for (Namespace namespace : model.namespaces()) {
            List<Node> namespaceDocuments = new ArrayList<>();
            if (namespace.managed()) {
                namespaceDocuments.add(emitter.namespaceObject(namespace));
            }
            namespaceDocuments.addAll(emitter.policies(namespace));
            if (!namespaceDocuments.isEmpty()) {
                documents.put(namespace.name(), namespaceDocuments);
            }
        }
        return new Policies(documents, emitter.provenance.build());
    }

    /**
     * The Namespace, labelled so that RKE2's deploy controller never deletes it: when the namespace
     * leaves the spec, the servers turn its manifest into a tombstone (see
     * {@link CloudConfigEmitter}), and the controller prunes what the file no longer holds — which
     * must be the policies, never the Namespace with every workload in it (wrangler's
     * {@code objectset.rio.cattle.io/prune: "false"}, notes/rke2-and-k3s.md). Delivered by a GitOps
     * engine, it says the same to the engine ({@link GitOpsAnnotations}).
     */
    private Node namespaceObject(Namespace namespace) {
        Map<String, String> labels = new LinkedHashMap<>(namespace.labels());
        labels.put(NEVER_PRUNE_LABEL, "false");
        Yaml.MapBuilder metadata = Yaml.map().put("name", namespace.name()).put("labels", Selectors.labels(labels));
        if (gitOps) {
            metadata.put("annotations", Selectors.labels(new TreeMap<>(GitOpsAnnotations.NAMESPACE)));
        }
        return Yaml.map()
                .put("apiVersion", "v1")
                .put("kind", "Namespace")
                .put("metadata", metadata.build())
                .build();
    }

    /** The label wrangler, behind RKE2's deploy controller, reads before it deletes an object it applied. */
    public static final String NEVER_PRUNE_LABEL = Namespace.NEVER_PRUNE_LABEL;

    private List<Node> policies(Namespace namespace) {
        List<Node> policies = new ArrayList<>();
        Optional<Span> isolated = namespace.isolation();
        if (namespace.isolateIngress()) {
            policies.add(policy(
                    namespace.name(),
                    DEFAULT_DENY_INGRESS,
                    LabelSelector.ALL,
                    new Rules(true, false, isolated, isolated)));
        }
        if (namespace.isolateEgress()) {
            policies.add(policy(
                    namespace.name(),
                    DEFAULT_DENY_EGRESS,
                    LabelSelector.ALL,
                    new Rules(false, true, isolated, isolated)));
            if (namespace.dns()) {
                Rules dns = new Rules(false, true, isolated, isolated);
                dns.egress.dns(dnsRule, isolated);
                policies.add(policy(namespace.name(), ALLOW_DNS_EGRESS, LabelSelector.ALL, dns));
            }
        }
        Rules wholeNamespace = new Rules(false, false, isolated, isolated);
        if (namespace.isolateIngress()) {
            flows.wholeNamespace(End.TO, namespace.name())
                    .forEach(f -> wholeNamespace.ingress.add(f, f.from(), namespace.name()));
        }
        if (namespace.isolateEgress()) {
            flows.wholeNamespace(End.FROM, namespace.name())
                    .forEach(f -> wholeNamespace.egress.add(f, f.to(), namespace.name()));
        }
        policyWithRules(namespace.name(), ALL_PODS, LabelSelector.ALL, wholeNamespace)
                .ifPresent(policies::add);
        for (Tier tier : namespace.tiers()) {
            tierPolicy(namespace, tier).ifPresent(policies::add);
        }
        PolicyNames names = new PolicyNames();
        for (LabelSelector pods : flows.selections(namespace.name())) {
            selectionPolicy(namespace, pods, names.of(pods)).ifPresent(policies::add);
            for (Tier isolating : namespace.tiers()) {
                selectionInTierPolicy(namespace, pods, names, isolating).ifPresent(policies::add);
            }
        }
        for (Tier isolating : namespace.tiers()) {
            for (Tier other : namespace.tiers()) {
                overlapPolicy(namespace, isolating, other).ifPresent(policies::add);
            }
        }
        return policies;
    }

    /**
     * The tier's flows, on the sides where the tier is isolated. When only the tier (not its
     * namespace) is isolated, whole-namespace flows that include it belong here too, since no
     * namespace-wide policy exists to carry them; and so does DNS, with egress isolation. A tier
     * that says {@code dns on} in a namespace that isolates egress with {@code dns off} gets DNS
     * here too, traced to its {@code dns} statement.
     */
    private Optional<Node> tierPolicy(Namespace namespace, Tier tier) {
        boolean ingressOnTierAlone = tier.isolateIngress() && !namespace.isolateIngress();
        boolean egressOnTierAlone = tier.isolateEgress() && !namespace.isolateEgress();
        Rules rules = new Rules(
                ingressOnTierAlone,
                egressOnTierAlone,
                namespace.isolateIngress() ? namespace.isolation() : tier.isolation(),
                namespace.isolateEgress() ? namespace.isolation() : tier.isolation());
        String here = namespace.name();
        if (namespace.isolatesIngressOf(tier)) {
            flows.tier(End.TO, tier, ingressOnTierAlone).forEach(f -> rules.ingress.add(f, f.from(), here));
        }
        if (namespace.isolatesEgressOf(tier)) {
            flows.tier(End.FROM, tier, egressOnTierAlone).forEach(f -> rules.egress.add(f, f.to(), here));
        }
        if (egressOnTierAlone && namespace.dnsOf(tier)) {
            rules.egress.dns(dnsRule, tier.isolation());
        } else if (namespace.isolateEgress() && !namespace.dns() && namespace.dnsOf(tier)) {
            rules.egress.dns(dnsRule, tier.dnsSwitch());
        }
        return policyWithRules(here, TIER_PREFIX + tier.name(), tier.pods(), rules);
    }

    /**
     * A pod in a tier that isolates a direction on its own is isolated in that direction even
     * where it also belongs to another tier that does not, so the other tier's flows need rules
     * for it there: a policy selecting the pods of both tiers carries them,
     * {@code tier-<other>.in-<isolating>}. Nothing when the selectors cannot both match a pod.
     *
     * <p>The dot makes the name unique by construction: tier names are DNS labels, which have
     * none, so no tier's own policy ({@code tier-<name>}) can have this name, as a tier
     * {@code a-in-b} beside the overlap of {@code a} in {@code b} had when both were written
     * {@code tier-a-in-b}, and the second replaced the first when applied. NetworkPolicy names
     * are DNS subdomains, which may have dots.
     */
    private Optional<Node> overlapPolicy(Namespace namespace, Tier isolating, Tier other) {
        boolean ingress = isolating.isolateIngress() && !namespace.isolateIngress() && !other.isolateIngress();
        boolean egress = isolating.isolateEgress() && !namespace.isolateEgress() && !other.isolateEgress();
        Optional<LabelSelector> both = isolating.pods().and(other.pods());
        if (isolating.equals(other) || (!ingress && !egress) || both.isEmpty()) {
            return Optional.empty();
        }
        String here = namespace.name();
        Rules rules = sideRules(end -> flows.tier(end, other, false), ingress, egress, isolating.isolation(), here);
        return policyWithRules(
                here, TIER_PREFIX + other.name() + OVERLAP_SEPARATOR + isolating.name(), both.get(), rules);
    }

    /**
     * The flows of pods a flow end chooses by labels in this namespace without naming a tier
     * ({@code namespaces team=a pods app=x}), on the sides the namespace isolates:
     * {@code pods-<selector>}, selecting those pods.
     */
    private Optional<Node> selectionPolicy(Namespace namespace, LabelSelector pods, String name) {
        String here = namespace.name();
        Rules rules = sideRules(
                end -> flows.selection(end, here, pods),
                namespace.isolateIngress(),
                namespace.isolateEgress(),
                namespace.isolation(),
                here);
        return policyWithRules(here, name, pods, rules);
    }

    /**
     * Those chosen pods that are also in a tier isolating a direction on its own, where the
     * namespace does not: they are isolated there too and need the rules,
     * {@code pods-<selector>-in-<tier>}, selecting the pods of both. Nothing when no pod can be in both.
     */
    private Optional<Node> selectionInTierPolicy(
            Namespace namespace, LabelSelector pods, PolicyNames names, Tier isolating) {
        boolean ingress = isolating.isolateIngress() && !namespace.isolateIngress();
        boolean egress = isolating.isolateEgress() && !namespace.isolateEgress();
        Optional<LabelSelector> both = isolating.pods().and(pods);
        if ((!ingress && !egress) || both.isEmpty()) {
            return Optional.empty();
        }
        String here = namespace.name();
        Rules rules = sideRules(end -> flows.selection(end, here, pods), ingress, egress, isolating.isolation(), here);
        return policyWithRules(here, names.within(pods, isolating.name()), both.get(), rules);
    }

    /**
     * The rules of the flows {@code flowsAt} finds at each end, on the sides asked for, in a policy
     * of namespace {@code here} whose isolation comes from {@code isolation}.
     */
    private static Rules sideRules(
            Function<End, List<Flow>> flowsAt, boolean ingress, boolean egress, Optional<Span> isolation, String here) {
        Rules rules = new Rules(false, false, isolation, isolation);
        if (ingress) {
            flowsAt.apply(End.TO).forEach(f -> rules.ingress.add(f, f.from(), here));
        }
        if (egress) {
            flowsAt.apply(End.FROM).forEach(f -> rules.egress.add(f, f.to(), here));
        }
        return rules;
    }

    /**
     * The ingress and egress rules gathered for one policy, and the {@code isolate} statements
     * behind each direction. A direction is written when it has rules or is forced (a
     * default-deny policy, a tier isolated on its own).
     */
    private static final class Rules {
        final RuleSet ingress = new RuleSet();
        final RuleSet egress = new RuleSet();
        private final boolean forceIngress;
        private final boolean forceEgress;
        private final Optional<Span> ingressIsolation;
        private final Optional<Span> egressIsolation;

        Rules(
                boolean forceIngress,
                boolean forceEgress,
                Optional<Span> ingressIsolation,
                Optional<Span> egressIsolation) {
            this.forceIngress = forceIngress;
            this.forceEgress = forceEgress;
            this.ingressIsolation = ingressIsolation;
            this.egressIsolation = egressIsolation;
        }

        boolean hasIngress() {
            return forceIngress || !ingress.isEmpty();
        }

        boolean hasEgress() {
            return forceEgress || !egress.isEmpty();
        }
    }

    /** Rules in insertion order, each with the statements it came from; an equal rule is merged into the first. */
    private static final class RuleSet {
        private final Map<PolicyRule, Set<Span>> rules = new LinkedHashMap<>();

        /** The rule of a flow towards {@code peer}, in a policy of namespace {@code here}. */
        void add(Flow flow, Peer peer, String here) {
            add(PolicyRule.towards(peer, here, flow.ports()), Optional.of(flow.span()));
        }

        /** The DNS rule that egress isolation brings with it, traced to the statement behind it. */
        void dns(PolicyRule dnsRule, Optional<Span> statement) {
            add(dnsRule, statement);
        }

        private void add(PolicyRule rule, Optional<Span> source) {
            // a set: thousands of flows may merge into one rule
            Set<Span> sources = rules.computeIfAbsent(rule, r -> new LinkedHashSet<>());
            source.ifPresent(sources::add);
        }

        boolean isEmpty() {
            return rules.isEmpty();
        }

        List<Node> yaml(String peersKey) {
            return rules.keySet().stream().map(rule -> rule.yaml(peersKey)).toList();
        }

        List<List<Span>> sources() {
            return rules.values().stream().map(List::copyOf).toList();
        }
    }

    /** The policy, unless it would have no direction at all. */
    private Optional<Node> policyWithRules(String namespace, String name, LabelSelector pods, Rules rules) {
        return rules.hasIngress() || rules.hasEgress()
                ? Optional.of(policy(namespace, name, pods, rules))
                : Optional.empty();
    }

    /** A policy; a direction without rules and not forced is left out of {@code policyTypes}. */
    private Node policy(String namespace, String name, LabelSelector pods, Rules rules) {
        boolean hasIngress = rules.hasIngress();
        boolean hasEgress = rules.hasEgress();
        if (traceRules) {
            trace(new Provenance.PolicyId(namespace, name), rules);
        }
        List<String> types = new ArrayList<>();
        Yaml.MapBuilder spec = Yaml.map().put("podSelector", Selectors.selector(pods));
        if (hasIngress) {
            types.add("Ingress");
        }
        if (hasEgress) {
            types.add("Egress");
        }
        spec.put("policyTypes", Yaml.strings(types));
        if (hasIngress) {
            spec.put("ingress", Yaml.seq(rules.ingress.yaml("from")));
        }
        if (hasEgress) {
            spec.put("egress", Yaml.seq(rules.egress.yaml("to")));
        }
        return Yaml.map()
                .put("apiVersion", "networking.k8s.io/v1")
                .put("kind", "NetworkPolicy")
                .put("metadata", policyMetadata(namespace, name))
                .put("spec", spec.build())
                .build();
    }

    private Node policyMetadata(String namespace, String name) {
        Yaml.MapBuilder metadata = Yaml.map().put("name", name).put("namespace", namespace);
        if (gitOps) {
            metadata.put("annotations", Selectors.labels(new TreeMap<>(GitOpsAnnotations.POLICY)));
        }
        return metadata.build();
    }

    /** Where each rule of the policy came from, and the statement behind each direction it isolates. */
    private void trace(Provenance.PolicyId id, Rules rules) {
        if (rules.hasIngress()) {
            provenance.side(id, Direction.INGRESS, rules.ingressIsolation, rules.ingress.sources());
        }
        if (rules.hasEgress()) {
            provenance.side(id, Direction.EGRESS, rules.egressIsolation, rules.egress.sources());
        }
    }
}

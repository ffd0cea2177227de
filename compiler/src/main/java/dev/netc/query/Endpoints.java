package dev.netc.query;

import dev.netc.evaluator.ExternalEndpoint;
import dev.netc.evaluator.NamedPort;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.Universe;
import dev.netc.model.LabelSelector;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.Tier;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.query.NamedEndpoint.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The synthetic cluster that emitted policies are evaluated on, built from a model: one pod
 * per tier (with labels its selector selects and its named ports), one pod per namespace that
 * belongs to none of the namespace's tiers, CoreDNS, a pod of a namespace the spec does not
 * declare, one representative address per external and per address range written in a flow,
 * and, when no external covers it, an address outside all of them.
 *
 * <p>Pods get addresses in the cluster's pod range, in the order of a sorted list of pod
 * names, so that two versions of a spec give the same pod the same address; external
 * addresses are chosen outside the pod range where the external allows it.
 */
public final class Endpoints {
    /** RKE2's default cluster-cidr, which the compiler assumes when there is no cluster block. */
    private static final Cidr DEFAULT_PODS = ((Cidr.ParseResult.Ok) Cidr.parse("10.42.0.0/16")).cidr();

    static final String DNS_NAMESPACE = "kube-system";
    static final String DNS_TIER = "kube-dns";
    public static final String OTHER_NAMESPACE = "(other namespace)";
    public static final String OTHER_ADDRESS = "(other address)";
    /** Documentation ranges (RFC 5737, RFC 3849): never a real peer, so a fair stand-in for "somewhere else". */
    private static final List<String> OUTSIDE_CANDIDATES =
            List.of("203.0.113.10", "198.51.100.10", "192.0.2.10", "2001:db8::10");

    private final Map<String, NamedEndpoint> byName;
    private final Universe universe;
    private final List<Cidr> podRanges;

    private Endpoints(Map<String, NamedEndpoint> byName, Universe universe, List<Cidr> podRanges) {
        this.byName = byName;
        this.universe = universe;
        this.podRanges = podRanges;
    }

    /** The cluster's pod ranges (RKE2's default without a cluster block), where the synthetic pods have their addresses. */
    public List<Cidr> podRanges() {
        return podRanges;
    }

    /** The endpoints of one model, on their own. */
    public static Endpoints of(Model model, Collection<dev.netc.evaluator.Namespace> namespaceObjects) {
        return of(model, namespaceObjects, podNames(model));
    }

    /**
     * The endpoints of a model whose pods are numbered within {@code allPodNames}, a superset of
     * {@link #podNames(Model)}: the same name gets the same address in every model built so.
     *
     * @param namespaceObjects the emitted Namespace objects, which carry the namespace labels
     */
    public static Endpoints of(
            Model model, Collection<dev.netc.evaluator.Namespace> namespaceObjects, SortedSet<String> allPodNames) {
        return new Builder(model, List.copyOf(allPodNames)).build(namespaceObjects);
    }

    /** The names of the pod endpoints a model gives, sorted. */
    public static SortedSet<String> podNames(Model model) {
        SortedSet<String> names = new TreeSet<>();
        pods(model).forEach(pod -> names.add(pod.name()));
        return names;
    }

    /** Every endpoint, pods first (namespaces in declaration order), then addresses. */
    public Collection<NamedEndpoint> all() {
        return byName.values();
    }

    public Optional<NamedEndpoint> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Universe universe() {
        return universe;
    }

    /** Whether an address lies in one of the blocks of {@code addresses}, outside their exceptions. */
    static boolean contains(Peer.Addresses addresses, IpAddress ip) {
        return addresses.blocks().stream()
                .anyMatch(b -> b.cidr().contains(ip) && b.except().stream().noneMatch(e -> e.contains(ip)));
    }

    /** A pod endpoint before it has an address: what {@link #podNames} lists. */
    private record PodPlan(
            String name,
            Kind kind,
            String namespace,
            String podName,
            Map<String, String> labels,
            Map<String, NamedPort> namedPorts) {}

    private static List<PodPlan> pods(Model model) {
        List<PodPlan> pods = new ArrayList<>();
        boolean dnsDeclared = false;
        for (Namespace namespace : model.namespaces()) {
            for (Tier tier : namespace.tiers()) {
                pods.add(new PodPlan(
                        tier.qualifiedName(),
                        Kind.TIER,
                        namespace.name(),
                        tier.name(),
                        labelsSelectedBy(tier.pods()),
                        namedPorts(tier)));
                dnsDeclared |=
                        namespace.name().equals(DNS_NAMESPACE) && tier.name().equals(DNS_TIER);
            }
            pods.add(new PodPlan(namespace.name(), Kind.NAMESPACE, namespace.name(), "(no tier)", Map.of(), Map.of()));
        }
        if (!dnsDeclared) {
            // what the DNS rules of egress-isolated namespaces point at, even without std/kube-system
            pods.add(new PodPlan(
                    DNS_NAMESPACE + "." + DNS_TIER,
                    Kind.TIER,
                    DNS_NAMESPACE,
                    DNS_TIER,
                    Map.of("k8s-app", "kube-dns"),
                    Map.of()));
        }
        pods.add(new PodPlan(OTHER_NAMESPACE, Kind.OTHER_NAMESPACE, OTHER_NAMESPACE, "(any pod)", Map.of(), Map.of()));
        for (Peer.SelectedNamespaces selected : selections(model)) {
            // a namespace of the selection that the spec does not declare, with a pod it chooses
            pods.add(new PodPlan(
                    selected.text(),
                    Kind.CHOSEN,
                    chosenNamespace(selected),
                    "(chosen pod)",
                    labelsSelectedBy(selected.pods()),
                    Map.of()));
            // and the pods it chooses in each declared namespace it chooses, which its flows give policies of their own
            for (Namespace namespace : model.namespaces()) {
                String name = namespace.name() + " (pods " + selected.pods().text() + ")";
                if (!selected.pods().isEmpty()
                        && selected.chooses(namespace.labelsOnCluster())
                        && pods.stream().noneMatch(p -> p.name().equals(name))) {
                    pods.add(new PodPlan(
                            name,
                            Kind.CHOSEN,
                            namespace.name(),
                            "(pods " + selected.pods().text() + ")",
                            labelsSelectedBy(selected.pods()),
                            Map.of()));
                }
            }
        }
        return pods;
    }

    /**
     * The ends of flows, then of expectations, each once in order: the address ranges the
     * synthetic cluster has an address in.
     */
    private static Stream<Peer> ends(Model model) {
        return Stream.concat(
                model.flows().stream().flatMap(f -> Stream.of(f.from(), f.to())),
                model.expectations().stream().flatMap(e -> Stream.of(e.from(), e.to())));
    }

    /**
     * The ends of flows that choose namespaces by labels, each once, in flow order. Not those of
     * expectations: an expectation is about the pods the spec has (a guard such as "no database
     * pod takes connections from the internet" about the spec's database pods), which a pod of
     * its own in a namespace nobody isolates would always break.
     */
    static List<Peer.SelectedNamespaces> selections(Model model) {
        return model.flows().stream()
                .flatMap(f -> Stream.of(f.from(), f.to()))
                .filter(Peer.SelectedNamespaces.class::isInstance)
                .map(Peer.SelectedNamespaces.class::cast)
                .distinct()
                .toList();
    }

    /** The synthetic namespace that stands for those a selection chooses beyond the spec's own. */
    private static String chosenNamespace(Peer.SelectedNamespaces selected) {
        return "(" + selected.text() + ")";
    }

    /**
     * The labels of the namespaces no Namespace object was emitted for: the spec's namespaces
     * netc does not create (with the labels the spec says they have) and those standing for a
     * selection's namespaces (with labels it chooses).
     */
    private static Map<String, Map<String, String>> namespaceLabels(
            Model model, Collection<dev.netc.evaluator.Namespace> emitted) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        for (Namespace namespace : model.namespaces()) {
            labels.put(namespace.name(), namespace.labels());
        }
        for (Peer.SelectedNamespaces selected : selections(model)) {
            labels.put(chosenNamespace(selected), labelsSelectedBy(selected.namespaces()));
        }
        emitted.forEach(n -> labels.remove(n.name()));
        return labels;
    }

    /**
     * Labels of a pod that the selector selects: its equality labels, the first value of each
     * {@code in}, and a value for each {@code exists}; {@code notin} and {@code !key} hold
     * without the label.
     */
    static Map<String, String> labelsSelectedBy(LabelSelector selector) {
        Map<String, String> labels = new LinkedHashMap<>(selector.matchLabels());
        for (LabelSelector.Requirement requirement : selector.expressions()) {
            if (requirement.operator().equals("In")) {
                labels.putIfAbsent(requirement.key(), requirement.values().get(0));
            } else if (requirement.operator().equals("Exists")) {
                labels.putIfAbsent(requirement.key(), "present");
            }
        }
        return labels;
    }

    /** A tier's single-port named ports, as its pods' container ports would declare them. */
    private static Map<String, NamedPort> namedPorts(Tier tier) {
        Map<String, NamedPort> ports = new LinkedHashMap<>();
        for (Tier.TierPort port : tier.ports()) {
            if (port.range().isSingle()) {
                ports.put(
                        port.name(),
                        new NamedPort(
                                port.range().first(),
                                dev.netc.evaluator.Protocol.valueOf(
                                        port.range().protocol().name())));
            }
        }
        return ports;
    }

    /** Assigns addresses and builds the universe. */
    private static final class Builder {
        private final Model model;
        private final List<String> podOrder;
        /** Each pod name's position in {@link #podOrder}: a thousand namespaces have eleven thousand pods. */
        private final Map<String, Integer> podPosition = new HashMap<>();

        private final List<Cidr> podRanges;
        private final Map<String, NamedEndpoint> byName = new LinkedHashMap<>();

        Builder(Model model, List<String> podOrder) {
            this.model = model;
            this.podOrder = podOrder;
            for (int i = 0; i < podOrder.size(); i++) {
                podPosition.put(podOrder.get(i), i);
            }
            this.podRanges = model.cluster()
                    .map(c -> c.podCidrs())
                    .filter(l -> !l.isEmpty())
                    .orElse(List.of(DEFAULT_PODS));
        }

        Endpoints build(Collection<dev.netc.evaluator.Namespace> namespaceObjects) {
            Universe.Builder universe = Universe.builder();
            namespaceObjects.forEach(universe::namespace);
            namespaceLabels(model, namespaceObjects).forEach(universe::namespace);
            Cidr podRange = podRanges.get(0);
            for (PodPlan plan : pods(model)) {
                IpAddress ip = podRange.address().plus(2L + podPosition.getOrDefault(plan.name(), -1));
                Pod pod = new Pod(plan.namespace(), plan.podName(), plan.labels(), evaluatorIp(ip), plan.namedPorts());
                universe.pod(pod);
                byName.put(
                        plan.name(), new NamedEndpoint(plan.name(), plan.kind(), Optional.of(plan.namespace()), pod));
            }
            List<Peer.Addresses> ranges = addressRanges();
            for (Peer.Addresses addresses : ranges) {
                representative(addresses).ifPresent(ip -> addAddress(addresses.name(), Kind.EXTERNAL, ip));
            }
            OUTSIDE_CANDIDATES.stream()
                    .map(text -> IpAddress.parse(text).orElseThrow())
                    .filter(ip -> ranges.stream().noneMatch(range -> contains(range, ip)))
                    .findFirst()
                    .ifPresent(ip -> addAddress(OTHER_ADDRESS, Kind.OTHER_ADDRESS, ip));
            return new Endpoints(byName, universe.build(), podRanges);
        }

        private void addAddress(String name, Kind kind, IpAddress ip) {
            byName.putIfAbsent(
                    name, new NamedEndpoint(name, kind, Optional.empty(), new ExternalEndpoint(evaluatorIp(ip))));
        }

        /** Declared externals, then address ranges written in flows and expectations, each name once. */
        private List<Peer.Addresses> addressRanges() {
            Map<String, Peer.Addresses> ranges = new LinkedHashMap<>();
            model.externals().forEach(e -> ranges.putIfAbsent(e.name(), e));
            ends(model)
                    .filter(Peer.Addresses.class::isInstance)
                    .map(Peer.Addresses.class::cast)
                    .forEach(a -> ranges.putIfAbsent(a.name(), a));
            return List.copyOf(ranges.values());
        }

        /**
         * An address of the range that none of its exceptions removes: the middle of a block,
         * else next to its bounds or its exceptions; outside the pod ranges when possible, and
         * never a pod's address.
         */
        private Optional<IpAddress> representative(Peer.Addresses addresses) {
            List<IpAddress> candidates = new ArrayList<>();
            for (Peer.IpBlock block : addresses.blocks()) {
                Cidr cidr = block.cidr();
                candidates.add(
                        at(cidr, cidr.first().add(cidr.last()).shiftRight(1).add(BigInteger.ONE)));
                candidates.add(at(cidr, cidr.first()));
                candidates.add(at(cidr, cidr.last()));
                for (Cidr except : block.except()) {
                    candidates.add(at(cidr, except.last().add(BigInteger.ONE)));
                    candidates.add(at(cidr, except.first().subtract(BigInteger.ONE)));
                }
            }
            List<IpAddress> allowed = candidates.stream()
                    .filter(ip -> contains(addresses, ip) && !isPodAddress(ip))
                    .toList();
            return allowed.stream()
                    .filter(ip -> podRanges.stream().noneMatch(r -> r.contains(ip)))
                    .findFirst()
                    .or(() -> allowed.stream().findFirst());
        }

        private boolean isPodAddress(IpAddress ip) {
            BigInteger offset = ip.value().subtract(podRanges.get(0).first());
            return ip.family() == podRanges.get(0).family()
                    && offset.signum() >= 0
                    && offset.compareTo(BigInteger.valueOf(podOrder.size() + 2L)) < 0;
        }

        private static IpAddress at(Cidr cidr, BigInteger value) {
            return new IpAddress(cidr.family(), value);
        }

        private static dev.netc.evaluator.IpAddress evaluatorIp(IpAddress ip) {
            return dev.netc.evaluator.IpAddress.parse(ip.toString());
        }
    }
}

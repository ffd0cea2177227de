package dev.netc.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A random valid spec, kept as a plan (namespaces, tiers, externals, flows) so that a failing
 * one can be made smaller by dropping parts of it. Generated specs exercise what the policy
 * lowering has to get right: isolation per namespace and per tier in either direction, DNS on
 * and off, overlapping and set-based selectors, {@code pods *}, named and literal ports and
 * port ranges of every protocol, every port of a protocol ({@code tcp}), container ports by name
 * ({@code p0/tcp}), DNS on and off per tier, a namespace owned by others, one-sided flows ({@code allow ingress}, {@code allow egress}), flows between
 * tiers, whole namespaces, {@code *}, {@code everyone}, namespaces chosen by labels (with and
 * without pods, all but some), externals
 * with exceptions, externals inside externals (included and excepted, a few levels deep),
 * address ranges that cover pod addresses, and the standard externals.
 */
public record RandomSpec(boolean std, List<External> externals, List<Ns> namespaces, List<FlowLine> topLevel) {
    public RandomSpec {
        externals = List.copyOf(externals);
        namespaces = List.copyOf(namespaces);
        topLevel = List.copyOf(topLevel);
    }

    /** An external: ranges, addresses and other externals (the user's declared before it, or standard ones), included and excepted. */
    record External(String name, List<String> include, List<String> except) {
        External {
            include = List.copyOf(include);
            except = List.copyOf(except);
        }

        String ranges() {
            return String.join(", ", include) + (except.isEmpty() ? "" : " except " + String.join(", ", except));
        }

        boolean names(Set<String> externals) {
            return Stream.concat(include.stream(), except.stream()).anyMatch(externals::contains);
        }
    }

    /** @param labels the namespace's {@code labels} statement, or empty */
    record Ns(String name, String labels, String isolate, boolean dnsOff, List<TierDecl> tiers, List<FlowLine> flows) {
        Ns {
            tiers = List.copyOf(tiers);
            flows = List.copyOf(flows);
        }
    }

    /**
     * @param ports port names and specs, {@code p0 80/tcp}
     * @param dns {@code dns on}, {@code dns off} or empty
     */
    record TierDecl(String name, String selector, List<String> ports, String isolate, String dns) {
        TierDecl {
            ports = List.copyOf(ports);
        }
    }

    /** @param mentions the tiers ({@code ns.t}), namespaces and externals the flow names, so shrinking can keep it valid */
    record FlowLine(String text, Set<String> mentions) {
        FlowLine {
            mentions = Set.copyOf(mentions);
        }
    }

    /**
     * Ranges an external may include, each followed by ranges inside it that the external may
     * then except (so that a range it excepts lies in what it includes). 10.42.0.0/28 holds
     * synthetic pods, 10.42.0.2 is one.
     */
    private static final List<List<String>> EXTERNAL_RANGES = List.of(
            List.of("192.0.2.0/24", "192.0.2.0/28", "\"192.0.2.9\""),
            List.of("198.51.100.0/24", "198.51.100.128/25"),
            List.of("10.42.0.0/28", "10.42.0.2", "10.42.0.8/29"),
            List.of("172.16.0.0/12", "172.16.5.0/24"),
            List.of("2001:db8::/32", "2001:db8:1::/48", "\"2001:db8::7\""),
            List.of("0.0.0.0/0", "10.0.0.0/8", "192.168.0.0/16", "10.42.0.0/16"),
            List.of("10.0.0.0/8", "10.42.0.0/24", "10.1.0.0/16"),
            List.of("::/0", "fd00::/8", "2001:db8::/32"));
    /** Literal ranges for flows; 10.42.0.0/29 covers some synthetic pods, which ipBlocks match on Calico. */
    private static final List<String> LITERAL_RANGES =
            List.of("203.0.113.0/24", "10.42.0.0/29", "198.51.100.7", "\"2001:db8::1\"");

    private static final List<String> PORT_SPECS =
            List.of("80/tcp", "443/tcp", "5432/tcp", "53/udp", "9000-9010/udp", "3868/sctp", "8080/tcp");
    private static final List<String> STD_EXTERNALS = List.of("internet", "private", "anywhere");
    /** The statement of a namespace owned by others, written where the namespace's `isolate` goes. */
    private static final String OWNED_BY_OTHERS = "owned-by others";
    /** Labels of namespaces, which ends choosing namespaces by labels choose or not. */
    private static final List<String> NAMESPACE_LABELS =
            List.of("", "", "team=a", "team=b, env=prod", "env=dev", "team=a, env=prod");
    /**
     * Ends that choose namespaces by labels: by equality, sets, absence, all but some, with and
     * without pods (the pods of some tiers, of no tier, of a shared role); so they choose declared
     * namespaces (isolated or not), the synthetic ones, both or neither.
     */
    private static final List<String> SELECTIONS = List.of(
            "namespaces team=a",
            "namespaces env in (prod, stage)",
            "namespaces !team",
            "namespaces * except ns1",
            "namespaces * except (ns0, ns2) pods role=shared",
            "namespaces env=prod pods app=ns0-t1",
            "namespaces (team=a, env notin (dev)) pods (app in (ns1-t0, ns0-t0), !legacy)",
            "namespaces team=b pods *",
            "namespaces * pods tier");
    /** Container port names as flows write them: the tiers name their ports p0, p1 (some of them ranges). */
    private static final List<String> CONTAINER_PORTS = List.of("p0/tcp", "p1/udp", "p0/sctp", "p1/tcp");

    public static RandomSpec generate(Random random) {
        boolean std = random.nextInt(3) == 0;
        List<External> externals = externals(random, std);
        List<String> namespaceNames = new ArrayList<>();
        List<List<TierDecl>> tiers = new ArrayList<>();
        List<String> isolations = new ArrayList<>();
        List<Boolean> dnsOff = new ArrayList<>();
        Set<String> ownedByOthers = new HashSet<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            String namespace = "ns" + i;
            namespaceNames.add(namespace);
            // ns2 is now and then another team's: nothing isolated there, and no one-sided flow writes on it
            boolean foreign = i == 2 && random.nextInt(3) == 0;
            String isolate = foreign
                    ? OWNED_BY_OTHERS
                    : List.of("", "isolate", "isolate ingress", "isolate egress")
                            .get(random.nextInt(4));
            boolean noDns = !foreign && random.nextInt(4) == 0;
            if (foreign) {
                ownedByOthers.add(namespace);
            }
            isolations.add(isolate);
            dnsOff.add(noDns);
            // a tier cannot say `dns off` where its namespace's DNS rule covers every pod (NS3018)
            boolean namespaceDns = (isolate.equals("isolate") || isolate.equals("isolate egress")) && !noDns;
            List<TierDecl> declared = new ArrayList<>();
            for (int j = 0, t = random.nextInt(4); j < t; j++) {
                declared.add(tier(random, namespace, "t" + j, foreign, namespaceDns));
            }
            tiers.add(declared);
        }
        Generator generator = new Generator(random, std, externals, namespaceNames, tiers, ownedByOthers);
        List<List<FlowLine>> inside = new ArrayList<>();
        namespaceNames.forEach(n -> inside.add(new ArrayList<>()));
        List<FlowLine> topLevel = new ArrayList<>();
        for (int i = 0, n = random.nextInt(8); i < n; i++) {
            int context = random.nextInt(namespaceNames.size() + 1) - 1;
            (context < 0 ? topLevel : inside.get(context))
                    .add(generator.flow(context < 0 ? null : namespaceNames.get(context)));
        }
        List<Ns> namespaces = new ArrayList<>();
        for (int i = 0; i < namespaceNames.size(); i++) {
            namespaces.add(new Ns(
                    namespaceNames.get(i),
                    NAMESPACE_LABELS.get(random.nextInt(NAMESPACE_LABELS.size())),
                    isolations.get(i),
                    dnsOff.get(i),
                    tiers.get(i),
                    inside.get(i)));
        }
        return new RandomSpec(std, externals, namespaces, topLevel);
    }

    /**
     * Up to three externals, each naming ranges and (now and then) externals declared before
     * it, the standard ones included, in either position: so externals nest up to four deep.
     * An external whose exceptions would leave it empty (NS3004) keeps only its includes.
     */
    private static List<External> externals(Random random, boolean std) {
        Map<String, DeclaredExternals.Declaration> declared =
                new LinkedHashMap<>(std ? DeclaredExternals.STD_NETWORKS : Map.of());
        List<External> externals = new ArrayList<>();
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            List<String> names = List.copyOf(declared.keySet());
            List<List<String>> literals = new ArrayList<>();
            Set<String> include = new LinkedHashSet<>();
            for (int k = 0, count = 1 + random.nextInt(2); k < count; k++) {
                if (!names.isEmpty() && random.nextInt(3) == 0) {
                    include.add(names.get(random.nextInt(names.size())));
                } else {
                    List<String> range = EXTERNAL_RANGES.get(random.nextInt(EXTERNAL_RANGES.size()));
                    include.add(range.get(0));
                    literals.add(range);
                }
            }
            Set<String> except = new LinkedHashSet<>();
            for (int k = 0, count = random.nextInt(3); k < count; k++) {
                if (!names.isEmpty() && (literals.isEmpty() || random.nextBoolean())) {
                    except.add(names.get(random.nextInt(names.size())));
                } else if (!literals.isEmpty()) {
                    List<String> range = literals.get(random.nextInt(literals.size()));
                    except.add(range.get(1 + random.nextInt(range.size() - 1)));
                }
            }
            External external = new External("e" + i, List.copyOf(include), List.copyOf(except));
            declared.put(external.name(), new DeclaredExternals.Declaration(external.include(), external.except()));
            if (new DeclaredExternals(declared).isEmpty(external.name())) {
                external = new External(external.name(), external.include(), List.of());
                declared.put(external.name(), new DeclaredExternals.Declaration(external.include(), List.of()));
            }
            externals.add(external);
        }
        return externals;
    }

    /** What the externals of this spec hold, by their declarations (for {@link ReachabilityProof}). */
    public DeclaredExternals declared() {
        Map<String, DeclaredExternals.Declaration> declared =
                new LinkedHashMap<>(std ? DeclaredExternals.STD_NETWORKS : Map.of());
        externals.forEach(e -> declared.put(e.name(), new DeclaredExternals.Declaration(e.include(), e.except())));
        return new DeclaredExternals(declared);
    }

    /**
     * @param foreign the namespace is owned by others: its tiers isolate nothing and say nothing of DNS
     * @param namespaceDns the namespace gives every pod DNS, which a tier cannot take away
     */
    private static TierDecl tier(Random random, String namespace, String name, boolean foreign, boolean namespaceDns) {
        String own = "app=" + namespace + "-" + name;
        String selector = List.of(
                        own,
                        own + ", env in (prod, dev)",
                        own + ", !legacy",
                        "role=shared",
                        "*",
                        own + ", env notin (test), tier")
                .get(random.nextInt(6));
        List<String> ports = new ArrayList<>();
        List<String> specs = new ArrayList<>(PORT_SPECS);
        for (int k = 0, n = random.nextInt(3); k < n; k++) {
            ports.add("p" + k + " " + specs.remove(random.nextInt(specs.size())));
        }
        String isolate = random.nextInt(3) == 0 && !foreign
                ? List.of("isolate", "isolate ingress", "isolate egress").get(random.nextInt(3))
                : "";
        String dns = foreign || random.nextInt(3) > 0
                ? ""
                : namespaceDns ? "dns on" : List.of("dns on", "dns off").get(random.nextInt(2));
        return new TierDecl(name, selector, ports, isolate, dns);
    }

    /** Picks flow ends and ports that the compiler accepts. */
    private record Generator(
            Random random,
            boolean std,
            List<External> externals,
            List<String> namespaces,
            List<List<TierDecl>> tiers,
            Set<String> ownedByOthers) {

        FlowLine flow(String context) {
            List<String> mentions = new ArrayList<>();
            String from = end(context, mentions, true);
            String to = end(context, mentions, !isPods(from));
            String ports = ports(to, context, isPods(to));
            return new FlowLine("allow " + side(from, to, context) + from + " -> " + to + ports, Set.copyOf(mentions));
        }

        /**
         * Now and then a one-sided flow, on a side that is pods netc writes policies for (neither an
         * address nor a namespace owned by others).
         */
        private String side(String from, String to, String context) {
            int choice = random.nextInt(6);
            if (choice == 0 && isPods(to) && !isOwnedByOthers(to, context)) {
                return "ingress ";
            } else if (choice == 1 && isPods(from) && !isOwnedByOthers(from, context)) {
                return "egress ";
            }
            return "";
        }

        /** A tier or the whole of a namespace owned by others: {@code ns2.t0}, {@code ns2}, {@code ns2.*}, or {@code t0} in its block. */
        private boolean isOwnedByOthers(String end, String context) {
            String qualified =
                    end.contains(".") || namespaces.contains(end) || context == null ? end : context + "." + end;
            return ownedByOthers.stream().anyMatch(n -> qualified.equals(n) || qualified.startsWith(n + "."));
        }

        /** A flow end; with {@code podsOnly}, never an address (a flow needs pods on one side). */
        private String end(String context, List<String> mentions, boolean podsOnly) {
            int choice = random.nextInt(podsOnly ? 4 : 6);
            int n = random.nextInt(namespaces.size());
            String namespace = namespaces.get(n);
            List<TierDecl> declared = tiers.get(n);
            if (choice <= 1 && !declared.isEmpty()) {
                TierDecl tier = declared.get(random.nextInt(declared.size()));
                mentions.add(namespace + "." + tier.name());
                return namespace.equals(context) && random.nextBoolean() ? tier.name() : namespace + "." + tier.name();
            } else if (choice <= 2) {
                mentions.add(namespace);
                return random.nextBoolean() ? namespace : namespace + ".*";
            } else if (choice == 3) {
                int which = random.nextInt(4);
                return which == 0 ? "*" : which == 1 ? "everyone" : SELECTIONS.get(random.nextInt(SELECTIONS.size()));
            } else if (choice == 4 && (!externals.isEmpty() || std)) {
                List<String> names =
                        new ArrayList<>(externals.stream().map(External::name).toList());
                if (std) {
                    names.addAll(STD_EXTERNALS);
                }
                String name = names.get(random.nextInt(names.size()));
                mentions.add(name);
                return name;
            }
            return LITERAL_RANGES.get(random.nextInt(LITERAL_RANGES.size()));
        }

        /** Whether a flow end names pods (a tier, a namespace, {@code *}), not addresses. */
        private boolean isPods(String end) {
            return !LITERAL_RANGES.contains(end)
                    && !STD_EXTERNALS.contains(end)
                    && externals.stream().noneMatch(e -> e.name().equals(end));
        }

        /** {@code p0 80/tcp} as a container port name: {@code p0/tcp}. */
        private static String containerPort(String[] port) {
            return port[0] + "/" + port[1].substring(port[1].indexOf('/') + 1);
        }

        /**
         * Ports a flow to {@code to} may use: a tier that names ports takes only those, by name,
         * number or container port name (a single port's); other ends take port specs, every port
         * of a protocol and, when they are pods, the names the tiers give their ports.
         */
        private String ports(String to, String context, boolean toPods) {
            List<String> tierPorts =
                    targetTier(to, context).map(TierDecl::ports).orElse(List.of());
            List<String> chosen = new ArrayList<>();
            for (int i = 0, n = random.nextInt(3); i < n; i++) {
                if (!tierPorts.isEmpty()) {
                    String[] port =
                            tierPorts.get(random.nextInt(tierPorts.size())).split(" ");
                    int how = random.nextInt(3);
                    boolean single = !port[1].contains("-");
                    chosen.add(how == 0 ? port[0] : how == 1 || !single ? port[1] : containerPort(port));
                } else if (random.nextInt(4) == 0) {
                    chosen.add(List.of("tcp", "udp", "sctp").get(random.nextInt(3)));
                } else if (toPods && random.nextInt(3) == 0) {
                    chosen.add(CONTAINER_PORTS.get(random.nextInt(CONTAINER_PORTS.size())));
                } else {
                    chosen.add(PORT_SPECS.get(random.nextInt(PORT_SPECS.size())));
                }
            }
            if (chosen.isEmpty() && !tierPorts.isEmpty()) {
                // a flow without ports to a tier with ports is NS3001: every port is not one of its ports
                chosen.add(tierPorts.get(0).split(" ")[0]);
            }
            List<String> distinct = chosen.stream().distinct().toList();
            if (distinct.isEmpty()) {
                return "";
            }
            return ":" + (distinct.size() == 1 ? distinct.get(0) : "{" + String.join(", ", distinct) + "}");
        }

        private java.util.Optional<TierDecl> targetTier(String to, String context) {
            String qualified = to.contains(".") ? to : context + "." + to;
            for (int i = 0; i < namespaces.size(); i++) {
                for (TierDecl tier : tiers.get(i)) {
                    if (qualified.equals(namespaces.get(i) + "." + tier.name())) {
                        return java.util.Optional.of(tier);
                    }
                }
            }
            return java.util.Optional.empty();
        }
    }

    public String text() {
        List<String> lines = new ArrayList<>();
        if (std) {
            lines.add("import \"std/networks\"");
        }
        externals.forEach(e -> lines.add("external " + e.name() + " = " + e.ranges()));
        for (Ns ns : namespaces) {
            lines.add("namespace " + ns.name() + " {");
            if (!ns.labels().isEmpty()) {
                lines.add("  labels " + ns.labels());
            }
            if (!ns.isolate().isEmpty()) {
                lines.add("  " + ns.isolate());
            }
            if (ns.dnsOff()) {
                lines.add("  dns off");
            }
            for (TierDecl tier : ns.tiers()) {
                String ports = tier.ports().isEmpty() ? "" : "; port " + String.join(", ", tier.ports());
                String isolate = tier.isolate().isEmpty() ? "" : "; " + tier.isolate();
                String dns = tier.dns().isEmpty() ? "" : "; " + tier.dns();
                lines.add("  tier " + tier.name() + " { pods " + tier.selector() + ports + isolate + dns + " }");
            }
            ns.flows().forEach(f -> lines.add("  " + f.text()));
            lines.add("}");
        }
        topLevel.forEach(f -> lines.add(f.text()));
        return String.join("\n", lines) + "\n";
    }

    /** Smaller specs: each with one flow, tier, namespace or external (and the flows naming it) left out. */
    List<RandomSpec> smaller() {
        List<RandomSpec> smaller = new ArrayList<>();
        for (FlowLine flow : allFlows()) {
            smaller.add(without(f -> f == flow, ns -> true, t -> true, e -> true));
        }
        for (Ns ns : namespaces) {
            for (TierDecl tier : ns.tiers()) {
                String name = ns.name() + "." + tier.name();
                smaller.add(without(f -> f.mentions().contains(name), n -> true, t -> t != tier, e -> true));
            }
            if (namespaces.size() > 1) {
                smaller.add(without(
                        f -> f.mentions().contains(ns.name())
                                || f.mentions().stream().anyMatch(m -> m.startsWith(ns.name() + ".")),
                        n -> n != ns,
                        t -> true,
                        e -> true));
            }
        }
        for (External external : externals) {
            // with the externals that name it, and theirs
            Set<String> dropped = new HashSet<>(Set.of(external.name()));
            externals.stream().filter(e -> e.names(dropped)).forEach(e -> dropped.add(e.name()));
            smaller.add(without(
                    f -> f.mentions().stream().anyMatch(dropped::contains),
                    n -> true,
                    t -> true,
                    e -> !dropped.contains(e.name())));
        }
        return smaller;
    }

    private List<FlowLine> allFlows() {
        return Stream.concat(namespaces.stream().flatMap(n -> n.flows().stream()), topLevel.stream())
                .toList();
    }

    private RandomSpec without(
            Predicate<FlowLine> dropFlow,
            Predicate<Ns> keepNs,
            Predicate<TierDecl> keepTier,
            Predicate<External> keepExternal) {
        List<Ns> kept = namespaces.stream()
                .filter(keepNs)
                .map(n -> new Ns(
                        n.name(),
                        n.labels(),
                        n.isolate(),
                        n.dnsOff(),
                        n.tiers().stream().filter(keepTier).toList(),
                        n.flows().stream().filter(dropFlow.negate()).toList()))
                .toList();
        return new RandomSpec(
                std,
                externals.stream().filter(keepExternal).collect(Collectors.toList()),
                kept,
                topLevel.stream().filter(dropFlow.negate()).toList());
    }
}

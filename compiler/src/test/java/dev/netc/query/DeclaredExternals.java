package dev.netc.query;

import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a spec's externals hold, worked out from their declarations alone, written here
 * independently of the compiler: an address is in an external when one of its included items
 * holds it and none of its exceptions does, where an item is a range, an address, a built-in
 * range of the cluster (RKE2's defaults: the specs that use this have no ranges of their own),
 * or another external, judged the same way. {@code std/networks} is declared here as the
 * standard library writes it.
 */
public final class DeclaredExternals {
    /** {@code std/networks}, as stdlib/networks.netspec declares it, in its order. */
    static final Map<String, Declaration> STD_NETWORKS = new LinkedHashMap<>();

    static {
        STD_NETWORKS.put(
                "private",
                new Declaration(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"), List.of()));
        STD_NETWORKS.put(
                "internet",
                new Declaration(List.of("0.0.0.0/0", "::/0"), List.of("private", "cluster.pods", "cluster.services")));
        STD_NETWORKS.put("anywhere", new Declaration(List.of("0.0.0.0/0", "::/0"), List.of()));
    }

    private static final Map<String, String> CLUSTER_RANGES =
            Map.of("cluster.pods", "10.42.0.0/16", "cluster.services", "10.43.0.0/16");

    /** The items of one external: ranges, addresses and names. */
    record Declaration(List<String> include, List<String> except) {
        Declaration {
            include = List.copyOf(include);
            except = List.copyOf(except);
        }
    }

    private final Map<String, Declaration> declared;

    /** @param declared the externals by name, standard ones included, each declared after those it names */
    DeclaredExternals(Map<String, Declaration> declared) {
        this.declared = new LinkedHashMap<>(declared);
    }

    public Set<String> names() {
        return declared.keySet();
    }

    public boolean contains(String name, IpAddress ip) {
        Declaration declaration = declared.get(name);
        return declaration.include().stream().anyMatch(item -> holds(item, ip))
                && declaration.except().stream().noneMatch(item -> holds(item, ip));
    }

    private boolean holds(String item, IpAddress ip) {
        if (declared.containsKey(item)) {
            return contains(item, ip);
        }
        return range(CLUSTER_RANGES.getOrDefault(item, item)).contains(ip);
    }

    /**
     * Addresses that tell the externals apart: the first and last address of every range their
     * declarations write, and the addresses just outside it. Any two CIDRs are nested or
     * disjoint, so the ranges cut the address space into parts (a range less the ranges inside
     * it) where every external is all in or all out, and every part that is not empty holds
     * one of these: its range's first address, or the one after a range inside it. So an
     * external is empty exactly when it holds none of them, and probing them all probes every part.
     */
    public List<IpAddress> probes() {
        Set<IpAddress> probes = new LinkedHashSet<>();
        for (Declaration declaration : declared.values()) {
            for (String item : concat(declaration.include(), declaration.except())) {
                if (declared.containsKey(item)) {
                    continue;
                }
                Cidr range = range(CLUSTER_RANGES.getOrDefault(item, item));
                BigInteger top = BigInteger.ONE.shiftLeft(range.family().bits());
                for (BigInteger value : List.of(
                        range.first().subtract(BigInteger.ONE),
                        range.first(),
                        range.last(),
                        range.last().add(BigInteger.ONE))) {
                    if (value.signum() >= 0 && value.compareTo(top) < 0) {
                        probes.add(new IpAddress(range.family(), value));
                    }
                }
            }
        }
        return List.copyOf(probes);
    }

    public boolean isEmpty(String name) {
        return probes().stream().noneMatch(ip -> contains(name, ip));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** A range or a single address, as netspec writes them (an address may be quoted). */
    private static Cidr range(String text) {
        String unquoted = text.replace("\"", "");
        if (!unquoted.contains("/")) {
            return Cidr.host(IpAddress.parse(unquoted).orElseThrow());
        }
        return ((Cidr.ParseResult.Ok) Cidr.parse(unquoted)).cidr();
    }
}

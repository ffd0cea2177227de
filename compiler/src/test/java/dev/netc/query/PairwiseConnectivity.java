package dev.netc.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The slow, obvious connectivity that {@link Connectivity} must equal: every ordered pair of
 * endpoints (one a pod) asked of the evaluator once per port segment and protocol, where a
 * segment is a run of ports on which no rule's range and no pod's named port starts or ends
 * ({@link Connectivity.Probe}, which the expectations of a spec are proved with). This was netc's
 * own algorithm before connectivity was worked out on sets; it stays as the oracle the fast path
 * is compared with.
 */
final class PairwiseConnectivity {
    private final Map<String, Map<String, Connectivity.Link>> links = new LinkedHashMap<>();

    PairwiseConnectivity(EmittedPolicies policies) {
        Connectivity.Probe probe = new Connectivity.Probe(policies);
        for (NamedEndpoint from : policies.endpoints().all()) {
            Map<String, Connectivity.Link> row = new LinkedHashMap<>();
            for (NamedEndpoint to : policies.endpoints().all()) {
                if (from.kind().isPod() || to.kind().isPod()) {
                    probe.link(from, to).ifPresent(link -> row.put(to.name(), link));
                }
            }
            links.put(from.name(), row);
        }
    }

    /** Every pair with some port allowed, in endpoint order. */
    List<Connectivity.Link> links() {
        List<Connectivity.Link> all = new ArrayList<>();
        links.values().forEach(row -> all.addAll(row.values()));
        return all;
    }

    PortSet ports(String from, String to) {
        Connectivity.Link link = links.getOrDefault(from, Map.of()).get(to);
        return link == null ? PortSet.NONE : link.ports();
    }
}

package dev.netc.evaluator;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The oracle cases of {@code netpol-cases.yaml} (a test resource copied from the research
 * report), with the universe its {@code universe:} block describes.
 */
final class OracleCases {

    /** One probe: a connection and the verdict the oracle expects. */
    record Probe(String from, String to, int port, Protocol protocol, boolean allowed) {}

    /** One case: its policies as raw documents, and its probes. */
    record Case(String name, String source, List<Map<String, Object>> policies, List<Probe> probes) {}

    /** First address handed to pods whose IP the file does not pin; outside every pinned range. */
    private static final long UNPINNED_IP_BASE = (10L << 24) | (99L << 16);

    private final Universe universe;
    private final List<Case> cases;

    private OracleCases(Universe universe, List<Case> cases) {
        this.universe = universe;
        this.cases = cases;
    }

    static OracleCases load() {
        try (InputStream in = OracleCases.class.getResourceAsStream("/netpol-cases.yaml")) {
            if (in == null) {
                throw new IllegalStateException("netpol-cases.yaml missing from the test classpath");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Map<String, Object> file = KubeYaml.loadAll(reader).get(0);
                return new OracleCases(universe(map(file.get("universe"))), cases(list(file.get("cases"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Universe universe() {
        return universe;
    }

    List<Case> cases() {
        return cases;
    }

    private static Universe universe(Map<String, Object> block) {
        Universe.Builder builder = Universe.builder();
        Map<String, Object> namespaces = map(block.get("namespaces"));
        List<String> podNames = strings(block.get("pods"));
        String labelKey = (String) block.get("podLabelKey");
        Map<String, NamedPort> namedPorts = namedPorts(
                strings(block.get("protocols")), list(block.get("ports")), (String) block.get("namedPortFormat"));
        Map<String, Object> pinned = map(block.get("podIPs"));
        Set<IpAddress> taken = new HashSet<>();
        pinned.values().forEach(ip -> taken.add(IpAddress.parse((String) ip)));
        long next = UNPINNED_IP_BASE;
        for (Map.Entry<String, Object> namespace : namespaces.entrySet()) {
            Map<String, String> labels = new HashMap<>();
            map(namespace.getValue()).forEach((key, value) -> labels.put(key, (String) value));
            builder.namespace(namespace.getKey(), labels);
            for (String podName : podNames) {
                String key = namespace.getKey() + "/" + podName;
                IpAddress ip;
                if (pinned.containsKey(key)) {
                    ip = IpAddress.parse((String) pinned.get(key));
                } else {
                    do {
                        ip = new IpAddress(IpAddress.Family.IPV4, 0, next++);
                    } while (taken.contains(ip));
                }
                builder.pod(new Pod(namespace.getKey(), podName, Map.of(labelKey, podName), ip, namedPorts));
            }
        }
        return builder.build();
    }

    /** Every pod serves every (port, protocol), named by the format, e.g. serve-80-tcp. */
    private static Map<String, NamedPort> namedPorts(List<String> protocols, List<Object> ports, String format) {
        Map<String, NamedPort> named = new HashMap<>();
        for (Object port : ports) {
            for (String protocol : protocols) {
                String name = format.replace("<port>", port.toString())
                        .replace("<protocol-lowercase>", protocol.toLowerCase(Locale.ROOT));
                named.put(name, new NamedPort((Integer) port, Protocol.parse(protocol)));
            }
        }
        return named;
    }

    private static List<Case> cases(List<Object> items) {
        List<Case> cases = new ArrayList<>();
        for (Object item : items) {
            Map<String, Object> entry = map(item);
            List<Map<String, Object>> policies = new ArrayList<>();
            list(entry.get("policies")).forEach(policy -> policies.add(map(policy)));
            List<Probe> probes = new ArrayList<>();
            for (Object probeItem : list(entry.get("probes"))) {
                Map<String, Object> probe = map(probeItem);
                probes.add(new Probe(
                        (String) probe.get("from"),
                        (String) probe.get("to"),
                        (Integer) probe.get("port"),
                        Protocol.parse((String) probe.get("protocol")),
                        (Boolean) probe.get("allowed")));
            }
            cases.add(new Case((String) entry.get("name"), (String) entry.get("source"), policies, probes));
        }
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        list(value).forEach(item -> result.add(String.valueOf(item)));
        return result;
    }
}

package dev.netc.evaluator;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads NetworkPolicy and Namespace documents (as loaded by {@link KubeYaml}) into the model,
 * applying the API server's defaulting. It rejects only what has no defined meaning; run
 * {@link ApiServerValidator} for the full set of checks.
 *
 * <p>A JSON {@code null} counts as an absent field, as in Go's decoding.
 */
final class PolicyReader {

    private PolicyReader() {}

    static NetworkPolicy networkPolicy(Map<String, ?> document) {
        Map<String, ?> metadata = map(document.get("metadata"), "metadata");
        String name = requiredString(metadata, "name", "metadata");
        // kubectl would take the namespace from its context; a model must not guess it
        String namespace = requiredString(metadata, "namespace", "metadata");
        Map<String, ?> spec = map(document.get("spec"), "spec");
        LabelSelector podSelector =
                selector(spec.get("podSelector"), "spec.podSelector").orElse(LabelSelector.EVERYTHING);
        List<Rule> ingress = rules(spec.get("ingress"), "spec.ingress", "from");
        List<Rule> egress = rules(spec.get("egress"), "spec.egress", "to");
        return new NetworkPolicy(
                namespace, name, podSelector, policyTypes(spec.get("policyTypes"), egress), ingress, egress);
    }

    static Namespace namespace(Map<String, ?> document) {
        Map<String, ?> metadata = map(document.get("metadata"), "metadata");
        return new Namespace(
                requiredString(metadata, "name", "metadata"), stringMap(metadata.get("labels"), "metadata.labels"));
    }

    /** T4: an absent or empty list becomes [Ingress], plus Egress when there are egress rules. */
    private static Set<Direction> policyTypes(Object value, List<Rule> egress) {
        Set<Direction> types = EnumSet.noneOf(Direction.class);
        List<?> listed = list(value, "spec.policyTypes");
        for (int i = 0; i < listed.size(); i++) {
            String path = "spec.policyTypes[" + i + "]";
            String text = string(listed.get(i), path);
            types.add(parse(() -> Direction.fromPolicyType(text), path));
        }
        if (types.isEmpty()) {
            types.add(Direction.INGRESS);
            if (!egress.isEmpty()) {
                types.add(Direction.EGRESS);
            }
        }
        return types;
    }

    private static List<Rule> rules(Object value, String path, String peersField) {
        List<?> items = list(value, path);
        List<Rule> rules = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String rulePath = path + "[" + i + "]";
            Map<String, ?> rule = map(items.get(i), rulePath);
            rules.add(new Rule(
                    peers(rule.get(peersField), rulePath + "." + peersField),
                    ports(rule.get("ports"), rulePath + ".ports")));
        }
        return rules;
    }

    private static List<Peer> peers(Object value, String path) {
        List<?> items = list(value, path);
        List<Peer> peers = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String peerPath = path + "[" + i + "]";
            Map<String, ?> peer = map(items.get(i), peerPath);
            Optional<LabelSelector> pods = selector(peer.get("podSelector"), peerPath + ".podSelector");
            Optional<LabelSelector> namespaces =
                    selector(peer.get("namespaceSelector"), peerPath + ".namespaceSelector");
            Object ipBlock = peer.get("ipBlock");
            if (ipBlock == null) {
                if (pods.isEmpty() && namespaces.isEmpty()) {
                    throw new PolicyFormatException(peerPath, "must specify a peer (R1)");
                }
                peers.add(new Peer.SelectorPeer(pods, namespaces));
            } else {
                if (pods.isPresent() || namespaces.isPresent()) {
                    throw new PolicyFormatException(peerPath, "may not specify both ipBlock and another peer (R2)");
                }
                peers.add(ipBlock(map(ipBlock, peerPath + ".ipBlock"), peerPath + ".ipBlock"));
            }
        }
        return peers;
    }

    private static Peer ipBlock(Map<String, ?> block, String path) {
        Cidr cidr = cidr(requiredString(block, "cidr", path), path + ".cidr");
        List<?> listed = list(block.get("except"), path + ".except");
        List<Cidr> except = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            String exceptPath = path + ".except[" + i + "]";
            except.add(cidr(string(listed.get(i), exceptPath), exceptPath));
        }
        return new Peer.IpBlockPeer(cidr, except);
    }

    private static Cidr cidr(String text, String path) {
        return parse(() -> Cidr.parse(text), path);
    }

    private static List<PolicyPort> ports(Object value, String path) {
        List<?> items = list(value, path);
        List<PolicyPort> ports = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ports.add(port(map(items.get(i), path + "[" + i + "]"), path + "[" + i + "]"));
        }
        return ports;
    }

    private static PolicyPort port(Map<String, ?> entry, String path) {
        Protocol protocol = protocol(entry.get("protocol"), path + ".protocol");
        Object port = entry.get("port");
        Object endPort = entry.get("endPort");
        if (port == null) {
            if (endPort != null) {
                throw new PolicyFormatException(
                        path + ".endPort", "may not be specified when `port` is not specified (P7)");
            }
            return new PolicyPort.AllPorts(protocol);
        }
        if (port instanceof String name) {
            if (endPort != null) {
                throw new PolicyFormatException(
                        path + ".endPort", "may not be specified when `port` is non-numeric (P6)");
            }
            return new PolicyPort.NamedPortRef(protocol, name);
        }
        int first = integer(port, path + ".port");
        int last = endPort == null ? first : integer(endPort, path + ".endPort");
        return parse(() -> new PolicyPort.PortRange(protocol, first, last), path);
    }

    /** P1 defaulting: an absent protocol is TCP. */
    private static Protocol protocol(Object value, String path) {
        if (value == null) {
            return Protocol.TCP;
        }
        String text = string(value, path);
        return parse(() -> Protocol.parse(text), path);
    }

    private static Optional<LabelSelector> selector(Object value, String path) {
        if (value == null) {
            return Optional.empty();
        }
        Map<String, ?> selector = map(value, path);
        List<?> expressions = list(selector.get("matchExpressions"), path + ".matchExpressions");
        List<LabelRequirement> requirements = new ArrayList<>(expressions.size());
        for (int i = 0; i < expressions.size(); i++) {
            String expressionPath = path + ".matchExpressions[" + i + "]";
            Map<String, ?> expression = map(expressions.get(i), expressionPath);
            String operatorText = requiredString(expression, "operator", expressionPath);
            LabelRequirement.Operator operator =
                    parse(() -> LabelRequirement.Operator.valueOf(operatorText), expressionPath + ".operator");
            List<?> values = list(expression.get("values"), expressionPath + ".values");
            List<String> strings = new ArrayList<>(values.size());
            for (int j = 0; j < values.size(); j++) {
                strings.add(string(values.get(j), expressionPath + ".values[" + j + "]"));
            }
            requirements.add(new LabelRequirement(
                    requiredString(expression, "key", expressionPath), operator, Set.copyOf(strings)));
        }
        return Optional.of(
                new LabelSelector(stringMap(selector.get("matchLabels"), path + ".matchLabels"), requirements));
    }

    private static Map<String, String> stringMap(Object value, String path) {
        Map<String, String> result = new LinkedHashMap<>();
        map(value, path).forEach((key, item) -> result.put(key, string(item, path + "." + key)));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object value, String path) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        throw new PolicyFormatException(path, "expected a mapping, found " + describe(value));
    }

    private static List<?> list(Object value, String path) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new PolicyFormatException(path, "expected a list, found " + describe(value));
    }

    private static String requiredString(Map<String, ?> map, String key, String parentPath) {
        Object value = map.get(key);
        String path = parentPath + "." + key;
        if (value == null) {
            throw new PolicyFormatException(path, "required");
        }
        return string(value, path);
    }

    private static String string(Object value, String path) {
        if (value instanceof String string) {
            return string;
        }
        // kubectl fails to decode a number or boolean where a string belongs (T7); quote it
        throw new PolicyFormatException(path, "expected a string, found " + describe(value));
    }

    private static int integer(Object value, String path) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            BigInteger number = new BigInteger(value.toString());
            if (number.bitLength() < 32) {
                return number.intValue();
            }
        }
        throw new PolicyFormatException(path, "expected a 32-bit integer, found " + describe(value));
    }

    private static String describe(Object value) {
        return value instanceof String ? "\"" + value + "\"" : value.getClass().getSimpleName() + " " + value;
    }

    /** Runs a parse step, turning its IllegalArgumentException into one that names the field. */
    private static <T> T parse(Supplier<T> step, String path) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new PolicyFormatException(path, e.getMessage());
        }
    }
}

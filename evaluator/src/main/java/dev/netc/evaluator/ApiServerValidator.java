package dev.netc.evaluator;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one {@code networking.k8s.io/v1} NetworkPolicy document the way the API server does on
 * create, so that nothing netc emits can be rejected. Each {@link Violation} names the rule of the
 * validation catalogue (networkpolicy.md section 1) it breaks.
 *
 * <p>Covered: M1–M4, M6, M7 (metadata), S1–S6 (selectors), P1–P7 (ports), R1–R2 (peers), I1–I3
 * with strict CIDR validation always on, I5 (ipBlock), T1–T2 (policyTypes) and T7 (unknown fields
 * and wrong JSON types, through {@link SchemaValidator}). I7 comes back from
 * {@link #warnings(Map)}. Not covered, because one object alone cannot show them: M5 (request
 * namespace), M8 (server-managed metadata), M9 and I4 (updates), T8 (etcd size limit).
 *
 * <p>Fields of the wrong JSON type are left to the schema check rather than guessed at; a JSON
 * {@code null} counts as absent, as in Go's decoding.
 */
public final class ApiServerValidator {

    /** M7: annotation keys and values together, in bytes. */
    private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private ApiServerValidator() {}

    /** Every error the API server would report for this document, code rules first, then schema (T7). */
    public static List<Violation> validate(Map<String, ?> document) {
        Walk walk = new Walk();
        walk.object(document);
        List<Violation> violations = new ArrayList<>(walk.errors);
        Set<String> reported = new HashSet<>();
        walk.errors.forEach(violation -> reported.add(violation.path()));
        // a field a code rule already explains (an unsupported protocol, a missing cidr) needs no
        // T7 echo, and one schema finding per field is enough (a bad port fails each oneOf branch)
        for (Violation violation : SchemaValidator.validate(withoutNulls(document))) {
            if (reported.add(violation.path())) {
                violations.add(violation);
            }
        }
        return violations;
    }

    /** The warnings the API server would return for an accepted document (I7). */
    public static List<Violation> warnings(Map<String, ?> document) {
        Walk walk = new Walk();
        walk.object(document);
        return List.copyOf(walk.warnings);
    }

    /**
     * Go decodes {@code null} as "absent", so the schema must not see it: the schema's
     * {@code oneOf} for {@code port} would otherwise reject {@code port: null}, which the API
     * server accepts.
     */
    private static Object dropNulls(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, item) -> {
                if (item != null) {
                    result.put(String.valueOf(key), dropNulls(item));
                }
            });
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(dropNulls(item)));
            return result;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> withoutNulls(Map<String, ?> document) {
        return (Map<String, ?>) dropNulls(document);
    }

    /** One pass over a document, collecting errors and warnings. */
    private static final class Walk {

        final List<Violation> errors = new ArrayList<>();
        final List<Violation> warnings = new ArrayList<>();

        void object(Map<String, ?> document) {
            metadata(asMap(document.get("metadata")));
            Map<String, ?> spec = asMap(document.get("spec"));
            if (spec != null) {
                spec(spec);
            }
        }

        private void metadata(Map<String, ?> metadata) {
            Map<String, ?> fields = metadata == null ? Map.of() : metadata;
            String generateName = asString(fields.get("generateName"));
            if (generateName != null && !generateName.isEmpty()) {
                // M3: the server appends a random suffix, so a trailing '-' is fine (Go's maskTrailingDash)
                String masked = generateName.length() > 1 && generateName.endsWith("-")
                        ? generateName.substring(0, generateName.length() - 2) + "a"
                        : generateName;
                KubeNames.dns1123Subdomain(masked)
                        .forEach(message -> error("metadata.generateName", "M3", invalid(generateName, message)));
            }
            String name = asString(fields.get("name"));
            if (name == null || name.isEmpty()) {
                if (generateName == null || generateName.isEmpty()) {
                    error("metadata.name", "M1", "Required value: name or generateName is required");
                }
            } else {
                KubeNames.dns1123Subdomain(name)
                        .forEach(message -> error("metadata.name", "M2", invalid(name, message)));
            }
            String namespace = asString(fields.get("namespace"));
            if (namespace == null || namespace.isEmpty()) {
                error("metadata.namespace", "M4", "Required value");
            } else {
                KubeNames.dns1123Label(namespace)
                        .forEach(message -> error("metadata.namespace", "M4", invalid(namespace, message)));
            }
            Map<String, ?> labels = asMap(fields.get("labels"));
            if (labels != null) {
                labels("metadata.labels", labels, "M6", "M6");
            }
            Map<String, ?> annotations = asMap(fields.get("annotations"));
            if (annotations != null) {
                annotations(annotations);
            }
        }

        private void annotations(Map<String, ?> annotations) {
            long size = 0;
            for (Map.Entry<String, ?> entry : annotations.entrySet()) {
                String key = entry.getKey();
                // keys are checked lower-cased: upper case is allowed even in the prefix here
                KubeNames.qualifiedName(key.toLowerCase(Locale.ROOT))
                        .forEach(message -> error("metadata.annotations", "M7", invalid(key, message)));
                size += key.getBytes(StandardCharsets.UTF_8).length;
                if (entry.getValue() instanceof String value) {
                    size += value.getBytes(StandardCharsets.UTF_8).length;
                }
            }
            if (size > MAX_ANNOTATIONS_BYTES) {
                error(
                        "metadata.annotations",
                        "M7",
                        "Too long: may not be more than " + MAX_ANNOTATIONS_BYTES + " bytes");
            }
        }

        private void spec(Map<String, ?> spec) {
            Map<String, ?> podSelector = asMap(spec.get("podSelector"));
            if (podSelector != null) {
                selector("spec.podSelector", podSelector);
            }
            rules("spec.ingress", asList(spec.get("ingress")), "from");
            rules("spec.egress", asList(spec.get("egress")), "to");
            List<?> policyTypes = asList(spec.get("policyTypes"));
            if (policyTypes == null) {
                return;
            }
            if (policyTypes.size() > 2) {
                // the server stops checking policyTypes here, so T2 is not reported as well
                error(
                        "spec.policyTypes",
                        "T1",
                        "Invalid value: " + policyTypes + ": may not specify more than two policyTypes");
                return;
            }
            for (int i = 0; i < policyTypes.size(); i++) {
                if (policyTypes.get(i) instanceof String type && !type.equals("Ingress") && !type.equals("Egress")) {
                    error(
                            "spec.policyTypes[" + i + "]",
                            "T2",
                            "Unsupported value: \"" + type + "\": supported values: \"Ingress\", \"Egress\"");
                }
            }
        }

        private void rules(String path, List<?> rules, String peersField) {
            if (rules == null) {
                return;
            }
            for (int i = 0; i < rules.size(); i++) {
                Map<String, ?> rule = asMap(rules.get(i));
                if (rule == null) {
                    continue;
                }
                String rulePath = path + "[" + i + "]";
                List<?> ports = asList(rule.get("ports"));
                for (int j = 0; ports != null && j < ports.size(); j++) {
                    Map<String, ?> port = asMap(ports.get(j));
                    if (port != null) {
                        port(rulePath + ".ports[" + j + "]", port);
                    }
                }
                List<?> peers = asList(rule.get(peersField));
                for (int j = 0; peers != null && j < peers.size(); j++) {
                    Map<String, ?> peer = asMap(peers.get(j));
                    if (peer != null) {
                        peer(rulePath + "." + peersField + "[" + j + "]", peer);
                    }
                }
            }
        }

        private void port(String path, Map<String, ?> port) {
            if (port.get("protocol") instanceof String protocol
                    && !protocol.equals("TCP")
                    && !protocol.equals("UDP")
                    && !protocol.equals("SCTP")) {
                error(
                        path + ".protocol",
                        "P1",
                        "Unsupported value: \"" + protocol + "\": supported values: \"SCTP\", \"TCP\", \"UDP\"");
            }
            Object value = port.get("port");
            BigInteger endPort = asInteger(port.get("endPort"));
            if (value == null) {
                if (endPort != null) {
                    error(
                            path + ".endPort",
                            "P7",
                            "Invalid value: " + endPort + ": may not be specified when `port` is not specified");
                }
            } else if (value instanceof String name) {
                KubeNames.portName(name).forEach(message -> error(path + ".port", "P3", invalid(name, message)));
                if (endPort != null) {
                    error(
                            path + ".endPort",
                            "P6",
                            "Invalid value: " + endPort + ": may not be specified when `port` is non-numeric");
                }
            } else {
                BigInteger number = asInteger(value);
                if (number == null) {
                    return;
                }
                portNumber(path + ".port", "P2", number);
                if (endPort != null) {
                    if (endPort.compareTo(number) < 0) {
                        error(
                                path + ".endPort",
                                "P4",
                                "Invalid value: " + endPort + ": must be greater than or equal to `port`");
                    }
                    portNumber(path + ".endPort", "P5", endPort);
                }
            }
        }

        private void portNumber(String path, String rule, BigInteger number) {
            KubeNames.portNumber(number)
                    .forEach(message -> error(path, rule, "Invalid value: " + number + ": " + message));
        }

        private void peer(String path, Map<String, ?> peer) {
            int given = 0;
            Map<String, ?> podSelector = asMap(peer.get("podSelector"));
            if (podSelector != null) {
                given++;
                selector(path + ".podSelector", podSelector);
            }
            Map<String, ?> namespaceSelector = asMap(peer.get("namespaceSelector"));
            if (namespaceSelector != null) {
                given++;
                selector(path + ".namespaceSelector", namespaceSelector);
            }
            Map<String, ?> ipBlock = asMap(peer.get("ipBlock"));
            if (ipBlock != null) {
                given++;
                ipBlock(path + ".ipBlock", ipBlock);
            }
            if (given == 0) {
                error(path, "R1", "Required value: must specify a peer");
            } else if (given > 1 && ipBlock != null) {
                error(path, "R2", "Forbidden: may not specify both ipBlock and another peer");
            }
        }

        private void ipBlock(String path, Map<String, ?> ipBlock) {
            Object cidrValue = ipBlock.get("cidr");
            if (cidrValue == null || "".equals(cidrValue)) {
                error(path + ".cidr", "I1", "Required value");
                return;
            }
            if (!(cidrValue instanceof String cidrText)) {
                return;
            }
            IpText.ParsedCidr cidr = cidr(path + ".cidr", cidrText);
            if (cidr == null) {
                // as in the server: without a valid cidr the except entries are not checked
                return;
            }
            List<?> except = asList(ipBlock.get("except"));
            for (int i = 0; except != null && i < except.size(); i++) {
                String exceptPath = path + ".except[" + i + "]";
                if (except.get(i) instanceof String exceptText) {
                    IpText.ParsedCidr excluded = cidr(exceptPath, exceptText);
                    if (excluded != null && !Cidr.parse(cidrText).strictlyContains(Cidr.parse(exceptText))) {
                        error(exceptPath, "I5", invalid(exceptText, "must be a strict subset of `cidr`"));
                    }
                }
            }
        }

        /** I2, I3 (strict validation) and I7 for one CIDR; null if it does not parse at all. */
        private IpText.ParsedCidr cidr(String path, String text) {
            IpText.ParsedCidr parsed;
            try {
                parsed = IpText.parseCidr(text);
            } catch (IllegalArgumentException e) {
                error(path, "I2", invalid(text, "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
                return null;
            }
            boolean strictFailure = false;
            if (parsed.leadingZeros()) {
                error(path, "I3", invalid(text, "must not have leading 0s in IP or prefix length"));
                strictFailure = true;
            }
            if (parsed.address().isIpv4Mapped()) {
                error(path, "I3", invalid(text, "must not have an IPv4-mapped IPv6 address"));
                strictFailure = true;
            }
            if (parsed.hostBitsSet()) {
                error(path, "I3", invalid(text, "must not have bits set beyond the prefix length"));
                strictFailure = true;
            }
            String canonical = parsed.address() + "/" + parsed.prefixLength();
            if (!strictFailure && parsed.address().family() == IpAddress.Family.IPV6 && !canonical.equals(text)) {
                warnings.add(new Violation(
                        path,
                        "I7",
                        "IPv6 CIDR value \"" + text + "\" should be in RFC 5952 canonical format (\"" + canonical
                                + "\")"));
            }
            return parsed;
        }

        private void selector(String path, Map<String, ?> selector) {
            Map<String, ?> matchLabels = asMap(selector.get("matchLabels"));
            if (matchLabels != null) {
                labels(path + ".matchLabels", matchLabels, "S1", "S2");
            }
            List<?> expressions = asList(selector.get("matchExpressions"));
            for (int i = 0; expressions != null && i < expressions.size(); i++) {
                Map<String, ?> expression = asMap(expressions.get(i));
                if (expression != null) {
                    requirement(path + ".matchExpressions[" + i + "]", expression);
                }
            }
        }

        private void requirement(String path, Map<String, ?> expression) {
            Object operatorValue = expression.get("operator");
            String operator = operatorValue == null ? "" : asString(operatorValue);
            List<?> values = asList(expression.get("values"));
            int count = values == null ? 0 : values.size();
            if (operator != null) {
                switch (operator) {
                    case "In", "NotIn" -> {
                        if (count == 0) {
                            error(
                                    path + ".values",
                                    "S5",
                                    "Required value: must be specified when `operator` is 'In' or 'NotIn'");
                        }
                    }
                    case "Exists", "DoesNotExist" -> {
                        if (count > 0) {
                            error(
                                    path + ".values",
                                    "S6",
                                    "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'");
                        }
                    }
                    default -> error(path + ".operator", "S4", invalid(operator, "not a valid selector operator"));
                }
            }
            Object keyValue = expression.get("key");
            String key = keyValue == null ? "" : asString(keyValue);
            if (key != null) {
                KubeNames.qualifiedName(key).forEach(message -> error(path + ".key", "S1", invalid(key, message)));
            }
            for (int i = 0; i < count; i++) {
                if (values.get(i) instanceof String value) {
                    String valuePath = path + ".values[" + i + "]";
                    KubeNames.labelValue(value).forEach(message -> error(valuePath, "S3", invalid(value, message)));
                }
            }
        }

        /** Label keys and values; the server reports both on the map's own path, naming the entry. */
        private void labels(String path, Map<String, ?> labels, String keyRule, String valueRule) {
            for (Map.Entry<String, ?> entry : labels.entrySet()) {
                String key = entry.getKey();
                KubeNames.qualifiedName(key).forEach(message -> error(path, keyRule, invalid(key, message)));
                if (entry.getValue() instanceof String value) {
                    KubeNames.labelValue(value).forEach(message -> error(path, valueRule, invalid(value, message)));
                }
            }
        }

        private void error(String path, String rule, String message) {
            errors.add(new Violation(path, rule, message));
        }

        private static String invalid(String value, String message) {
            return "Invalid value: \"" + value + "\": " + message;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, ?> asMap(Object value) {
            return value instanceof Map<?, ?> map ? (Map<String, ?>) map : null;
        }

        private static List<?> asList(Object value) {
            return value instanceof List<?> list ? list : null;
        }

        private static String asString(Object value) {
            return value instanceof String string ? string : null;
        }

        private static BigInteger asInteger(Object value) {
            return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                    ? new BigInteger(value.toString())
                    : null;
        }
    }
}

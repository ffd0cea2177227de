package dev.netc.evaluator;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NetworkPolicies and Namespaces found in a set of Kubernetes documents. Documents of other
 * kinds are skipped, so a whole directory of generated manifests can be read. {@code v1 List}
 * documents (as printed by {@code kubectl get -o yaml}) are read item by item.
 *
 * @param policies   every {@code networking.k8s.io/v1 NetworkPolicy}, defaulted
 * @param namespaces every {@code v1 Namespace}
 */
public record Manifests(List<NetworkPolicy> policies, List<Namespace> namespaces) {

    public Manifests {
        policies = List.copyOf(policies);
        namespaces = List.copyOf(namespaces);
    }

    /**
     * Reads a multi-document YAML stream.
     *
     * @throws PolicyFormatException if a NetworkPolicy or Namespace cannot be read; the message
     *                               names the field and the index of the document (empty ones skipped)
     */
    public static Manifests parse(String yaml) {
        return of(KubeYaml.loadAll(yaml));
    }

    /** {@link #parse(String)} for a stream. */
    public static Manifests read(Reader yaml) {
        return of(KubeYaml.loadAll(yaml));
    }

    /** Reads documents already loaded by {@link KubeYaml}. */
    public static Manifests of(List<? extends Map<String, ?>> documents) {
        List<NetworkPolicy> policies = new ArrayList<>();
        List<Namespace> namespaces = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            try {
                collect(documents.get(i), policies, namespaces);
            } catch (PolicyFormatException e) {
                // a stream of generated manifests has many documents: say which one
                throw new PolicyFormatException(e.path(), e.detail() + " (YAML document " + i + ")");
            }
        }
        return new Manifests(policies, namespaces);
    }

    private static void collect(Map<String, ?> document, List<NetworkPolicy> policies, List<Namespace> namespaces) {
        String kind = String.valueOf(document.get("kind"));
        String apiVersion = String.valueOf(document.get("apiVersion"));
        // other groups use the same kind names (Calico's projectcalico.org/v3 NetworkPolicy): match both
        if (kind.equals("NetworkPolicy") && apiVersion.equals("networking.k8s.io/v1")) {
            policies.add(PolicyReader.networkPolicy(document));
        } else if (kind.equals("Namespace") && apiVersion.equals("v1")) {
            namespaces.add(PolicyReader.namespace(document));
        } else if (kind.equals("List") && apiVersion.equals("v1") && document.get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> itemDocument = (Map<String, ?>) map;
                    collect(itemDocument, policies, namespaces);
                }
            }
        }
    }
}

package dev.netc.emit;

import dev.netc.model.Model;
import dev.netc.yaml.Yaml;
import java.util.List;

/**
 * {@code policies/<namespace>.yaml}: each namespace's Namespace object and NetworkPolicies (see
 * {@link PolicyEmitter}), also placed on the servers as {@code netc-policies-<namespace>.yaml}.
 */
final class NamespacePolicies implements OutputKind {
    /** The folder of the output that holds the policies. */
    static final String FOLDER = "policies/";

    @Override
    public void emit(Model model, Emitter.Options options, Emission emission) {
        PolicyEmitter.Policies policies = PolicyEmitter.emit(model, options.traceRules());
        List<String> namespaces = List.copyOf(policies.documents().keySet());
        List<String> contents = Emitter.streamOf(
                        List.copyOf(policies.documents().values()))
                .map(Yaml::writeAll)
                .toList();
        for (int i = 0; i < namespaces.size(); i++) {
            emission.add(OutputFile.manifest(
                    FOLDER + namespaces.get(i) + ".yaml",
                    contents.get(i),
                    CloudConfigEmitter.POLICIES_PREFIX + namespaces.get(i) + ".yaml"));
        }
        emission.provenance(policies.provenance());
    }
}

package dev.netc.emit;

import dev.netc.model.Model;
import dev.netc.yaml.Yaml;
import java.util.List;

/**
 * {@code policies/<namespace>.yaml}: each namespace's Namespace object and NetworkPolicies (see
 * {@link PolicyEmitter}), also placed on the servers as {@code netc-policies-<namespace>.yaml}
 * unless a GitOps engine delivers them.
 */
final class NamespacePolicies implements OutputKind {
    /** The folder of the output that holds the policies. */
    static final String FOLDER = "policies/";

    @Override
    public void emit(Model model, Emitter.Options options, Emission emission) {
        PolicyEmitter.Policies policies = PolicyEmitter.emit(model, options.traceRules(), options.policiesByGitOps());
        List<String> namespaces = List.copyOf(policies.documents().keySet());
        List<String> contents = Emitter.streamOf(
                        List.copyOf(policies.documents().values()))
                .map(Yaml::writeAll)
                .toList();
        for (int i = 0; i < namespaces.size(); i++) {
            String path = FOLDER + namespaces.get(i) + ".yaml";
            String serverManifest = CloudConfigEmitter.POLICIES_PREFIX + namespaces.get(i) + ".yaml";
            if (options.policiesByGitOps()) {
                emission.add(new OutputFile(path, contents.get(i), false));
                emission.handOver(serverManifest);
            } else {
                emission.add(OutputFile.manifest(path, contents.get(i), false, serverManifest));
            }
        }
        emission.provenance(policies.provenance());
    }
}

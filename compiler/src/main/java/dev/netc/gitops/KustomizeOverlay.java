package dev.netc.gitops;

import dev.netc.emit.OutputFile;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One self-contained Kustomize directory per site, {@code <site>/kustomization.yaml} beside the
 * site's policy files, for Argo CD (an ApplicationSet over {@code <dir>/*}) and Flux (a
 * Kustomization per site). Self-contained, because Fleet runs Kustomize with nothing outside the
 * bundle's folder (notes/gitops-engines.md), and the sites' policies differ by their parameters.
 * The kustomization lists the files and no transformer: the objects are deployed as netc wrote
 * them, which is what its reachability proof evaluated.
 */
public record KustomizeOverlay() implements GitOpsLayout {
    /** kustomize reads these two (kustomization-fields.tsv); other values are errors. */
    static final String API_VERSION = "kustomize.config.k8s.io/v1beta1";

    static final String KIND = "Kustomization";

    @Override
    public String option() {
        return "--kustomize";
    }

    @Override
    public Optional<String> siteNameProblem(String site) {
        return Optional.empty(); // any folder name the sites file accepts names a directory
    }

    @Override
    public List<OutputFile> files(String site, List<OutputFile> output) {
        List<OutputFile> policies = GitOpsLayout.policies(output);
        String kustomization = "# the policies of site " + site + ", written by netc: compile again rather than edit\n"
                + Yaml.write(Yaml.map()
                        .put("apiVersion", Yaml.string(API_VERSION))
                        .put("kind", Yaml.string(KIND))
                        .put(
                                "resources",
                                Yaml.strings(
                                        policies.stream().map(OutputFile::path).toList()))
                        .build());
        List<OutputFile> files = new ArrayList<>();
        files.add(new OutputFile("kustomization.yaml", kustomization, false));
        files.addAll(policies);
        return files;
    }
}

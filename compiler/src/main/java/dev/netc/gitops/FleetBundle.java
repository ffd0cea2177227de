package dev.netc.gitops;

import dev.netc.analysis.Labels;
import dev.netc.emit.OutputFile;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Rancher Fleet bundle per site, {@code <site>/fleet.yaml} beside the site's policy files as
 * raw YAML (fleet-yaml-fields.tsv, notes/airgap-proxy-cni-charts-fleet.md "Table 4"). One bundle
 * per site rather than one for the fleet: a bundle holds all its resources in one object that must
 * stay under 1 MB, and any change to a shared bundle re-deploys every cluster. The bundle:
 *
 * <ul>
 *   <li>is named {@code netc-<site>}, and goes only to the cluster labelled {@code <label>=<site>}
 *       ({@code overrideTargets}: without it, to every cluster the GitRepo targets);
 *   <li>adopts the objects an earlier compile had RKE2 apply ({@code helm.takeOwnership}: Fleet
 *       deploys with Helm, which refuses objects it did not create);
 *   <li>puts back a policy someone deletes or edits ({@code correctDrift}): a deleted default-deny
 *       opens the namespace;
 *   <li>leaves the objects in place when the bundle is deleted ({@code keepResources}): a Namespace
 *       deleted with it would take every workload in it along.
 * </ul>
 */
public record FleetBundle(String siteLabel) implements GitOpsLayout {
    /** The cluster label that selects a site's cluster unless {@code --site-label} names another. */
    public static final String DEFAULT_SITE_LABEL = "netc.dev/site";

    static final String NAME_PREFIX = "netc-";

    @Override
    public String option() {
        return "--fleet";
    }

    @Override
    public Optional<String> siteNameProblem(String site) {
        // the bundle's name is also a label value on what Fleet makes of it (notes/gitops-engines.md)
        return Labels.dnsLabelProblem(NAME_PREFIX + site)
                .map(problem -> "it names the Fleet bundle `" + NAME_PREFIX + site + "`, a DNS-1123 label: " + problem);
    }

    @Override
    public List<OutputFile> files(String site, List<OutputFile> output) {
        String fleetYaml = "# the policies of site " + site + ", written by netc: compile again rather than edit\n"
                + Yaml.write(Yaml.map()
                        .put("name", Yaml.string(NAME_PREFIX + site))
                        .put(
                                "labels",
                                Yaml.map().put(siteLabel, Yaml.string(site)).build())
                        .put(
                                "helm",
                                Yaml.map().put("takeOwnership", Yaml.bool(true)).build())
                        .put(
                                "correctDrift",
                                Yaml.map().put("enabled", Yaml.bool(true)).build())
                        .put("keepResources", Yaml.bool(true))
                        .put(
                                "overrideTargets",
                                Yaml.seq(List.of(Yaml.map()
                                        .put("name", Yaml.string(site))
                                        .put(
                                                "clusterSelector",
                                                Yaml.map()
                                                        .put(
                                                                "matchLabels",
                                                                Yaml.map()
                                                                        .put(siteLabel, Yaml.string(site))
                                                                        .build())
                                                        .build())
                                        .build())))
                        .build());
        List<OutputFile> files = new ArrayList<>();
        files.add(new OutputFile("fleet.yaml", fleetYaml, false));
        files.addAll(GitOpsLayout.policies(output));
        return files;
    }
}

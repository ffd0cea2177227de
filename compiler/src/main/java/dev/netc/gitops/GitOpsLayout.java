package dev.netc.gitops;

import dev.netc.emit.OutputFile;
import java.util.List;
import java.util.Optional;

/**
 * A folder per site that a GitOps engine deploys: the site's policy files (each namespace's
 * Namespace and NetworkPolicies, as {@code policies/} holds them) and the engine's own file that
 * says where they go. The node cloud-configs stay in the site's output folder: they hold the
 * cluster token, and this folder is meant to be committed.
 */
public sealed interface GitOpsLayout permits FleetBundle, KustomizeOverlay {
    /** The folder of the output that holds the policies (as {@code NamespacePolicies} writes them). */
    String POLICIES = "policies/";

    /** What the option that asks for this layout is called, for messages. */
    String option();

    /** Why {@code site} cannot name a folder of this layout, if it cannot. */
    Optional<String> siteNameProblem(String site);

    /** The site's folder: the engine's file and the site's policy files, from all its output files. */
    List<OutputFile> files(String site, List<OutputFile> output);

    /** The policy files of a site's output, each under its own file name ({@code <namespace>.yaml}). */
    static List<OutputFile> policies(List<OutputFile> output) {
        return output.stream()
                .filter(f -> f.path().startsWith(POLICIES))
                .map(f -> new OutputFile(f.path().substring(POLICIES.length()), f.content(), false))
                .toList();
    }
}

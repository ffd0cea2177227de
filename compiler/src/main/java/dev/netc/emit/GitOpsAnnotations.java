package dev.netc.emit;

import java.util.Map;

/**
 * What a GitOps engine must not do to netc's objects, said as each engine reads it
 * (gitops-engines.tsv). A policy that leaves the spec must still be deleted — else it keeps allowing
 * — so only deleting the whole delivery (a Fleet bundle, an Argo CD Application) leaves the
 * policies in place, while a Namespace is never deleted: with it would go every workload in it.
 */
final class GitOpsAnnotations {
    /** Helm, under Fleet: an object so annotated is kept on upgrade and on uninstall. */
    static final String HELM_RESOURCE_POLICY = "helm.sh/resource-policy";
    /** Argo CD: comma-separated options, matched exactly (`Prune=False` does nothing). */
    static final String ARGOCD_SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
    /** Flux kustomize-controller: a label or an annotation, value compared without case. */
    static final String FLUX_PRUNE = "kustomize.toolkit.fluxcd.io/prune";

    /** On a Namespace: no engine ever deletes it. */
    static final Map<String, String> NAMESPACE = Map.of(
            HELM_RESOURCE_POLICY, "keep",
            ARGOCD_SYNC_OPTIONS, "Prune=false,Delete=false",
            FLUX_PRUNE, "disabled");

    /**
     * On a NetworkPolicy: deleting the Argo CD Application leaves it (Fleet's {@code keepResources}
     * does this for a bundle); a sync still prunes it when it leaves the spec.
     */
    static final Map<String, String> POLICY = Map.of(ARGOCD_SYNC_OPTIONS, "Delete=false");

    private GitOpsAnnotations() {}
}

package dev.netc.model;

import java.util.List;

/**
 * An air-gapped site: RKE2's image archives are on the node (from the install medium), and RKE2
 * imports those it finds in {@code <data-dir>/agent/images} at every start (rke2-airgap.tsv).
 *
 * @param images the folder on the node that holds the archives
 * @param archives the archives to place, by file name; empty: every archive RKE2 reads in the folder
 */
public record Airgap(String images, List<String> archives) {
    public Airgap {
        archives = List.copyOf(archives);
    }
}

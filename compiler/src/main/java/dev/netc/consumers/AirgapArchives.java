package dev.netc.consumers;

import java.util.List;

/**
 * Which of RKE2's released image archives hold what a cluster needs: its core images, and those of
 * each CNI ({@code archives}: the base names, any of which will do, space-separated).
 */
public record AirgapArchives(String needs, String archives, String source) {

    /** The archive extensions RKE2's image import reads (rke2-airgap.tsv: rancher/wharfie pkg/tarfile/tarfile.go:22-25). */
    public static final List<String> EXTENSIONS =
            List.of(".tar", ".tar.lz4", ".tar.bz2", ".tbz", ".tar.gz", ".tgz", ".tar.zst", ".tzst");

    public List<String> names() {
        return List.of(archives.split(" "));
    }

    /** Whether an archive's file name is one of these, for any OS and architecture: {@code BASE.linux-ARCH.EXT}. */
    public boolean providedBy(String file) {
        return names().stream().anyMatch(base -> file.startsWith(base + ".linux-"));
    }
}

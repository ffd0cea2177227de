package dev.netc.consumers;

/**
 * What a flannel backend costs: flannel creates its device with the underlay interface's MTU minus
 * {@code overhead}, named after {@code device} ({@code <vni>} stands for the VXLAN identifier).
 */
public record FlannelBackend(String backend, String family, String overhead, String device, String source) {

    public int overheadBytes() {
        return Integer.parseInt(overhead);
    }
}

package dev.netc.evaluator;

/** The transport protocols a NetworkPolicy can name (P1). */
public enum Protocol {
    TCP,
    UDP,
    SCTP;

    /**
     * The protocol with exactly this name; the API server is case-sensitive here.
     *
     * @throws IllegalArgumentException for any other text, such as "tcp" or "ICMP"
     */
    public static Protocol parse(String name) {
        for (Protocol protocol : values()) {
            if (protocol.name().equals(name)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unsupported protocol \"" + name + "\": supported values: TCP, UDP, SCTP");
    }
}

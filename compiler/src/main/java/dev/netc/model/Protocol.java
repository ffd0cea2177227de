package dev.netc.model;

import java.util.Locale;
import java.util.Optional;

/** The protocols a NetworkPolicy can name. */
public enum Protocol {
    TCP,
    UDP,
    SCTP;

    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Protocol> parse(String text) {
        for (Protocol protocol : values()) {
            if (protocol.lowerCase().equals(text)) {
                return Optional.of(protocol);
            }
        }
        return Optional.empty();
    }
}

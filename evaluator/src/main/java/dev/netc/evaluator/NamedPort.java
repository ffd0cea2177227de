package dev.netc.evaluator;

import java.util.Objects;

/**
 * What a container port name stands for on one pod ({@code containers[].ports[]}).
 *
 * @param port     the container port number
 * @param protocol its protocol
 */
public record NamedPort(int port, Protocol protocol) {

    public NamedPort {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}

package dev.netc.model;

import java.util.Locale;

/** provider-rke2 roles: {@code init} starts the cluster, {@code controlplane} joins as a server. */
public enum Role {
    INIT,
    CONTROLPLANE,
    WORKER;

    public boolean isServer() {
        return this != WORKER;
    }

    /** The value of {@code cluster.role} in cloud-config. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

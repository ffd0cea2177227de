package dev.netc.consumers;

/**
 * Something the host must provide before RKE2 starts, because an RKE2 option makes RKE2 or kubelet
 * check it at start-up and refuse to run without it.
 *
 * @param option the RKE2 key, e.g. {@code protect-kernel-defaults}
 * @param value the value of the key that asks for it, e.g. {@code true}
 * @param kind {@code sysctl}, {@code user} or {@code group}
 * @param name the sysctl, user or group name
 * @param required the sysctl's value ({@code present} for users and groups)
 * @param roles {@code all} or {@code server}: the nodes that check it
 */
public record HostPrerequisite(
        String option, String value, String kind, String name, String required, String roles, String source) {

    /** Whether a node with this option value and role needs it. */
    public boolean appliesTo(String optionValue, boolean server) {
        return value.equals(optionValue) && (roles.equals("all") || server && roles.equals("server"));
    }
}

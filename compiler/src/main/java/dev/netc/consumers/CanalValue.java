package dev.netc.consumers;

import java.util.List;

/**
 * A value of RKE2's bundled rke2-canal chart and how its templates use it.
 *
 * @param value the dotted path under {@code valuesContent}, e.g. {@code flannel.vni}
 * @param type {@code int}, {@code string}, {@code bool}, {@code list} or {@code map}
 * @param backends the flannel backends the templates read it for: {@code all} or a comma list
 * @param render how the template prints it, e.g. {@code if+raw} (as Go prints a float64), {@code quote}
 * @param defaultValue the chart's default (empty if none)
 */
public record CanalValue(
        String value, String type, String backends, String render, String defaultValue, String source) {

    /** Whether the chart reads the value with this flannel backend. */
    public boolean readWith(String backend) {
        return backends.equals("all") || List.of(backends.split(",")).contains(backend);
    }
}

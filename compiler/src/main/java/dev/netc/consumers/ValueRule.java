package dev.netc.consumers;

/**
 * What RKE2, k3s or the components they start do with the value of an RKE2 key, where netc's
 * type check (rke2-config-keys.tsv) does not say enough: {@code dev.netc.analysis.Rke2ValueRules}
 * implements the rules and cites them.
 */
public record ValueRule(String key, String rule, String source) {}

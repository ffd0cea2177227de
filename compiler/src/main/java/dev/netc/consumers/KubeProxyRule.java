package dev.netc.consumers;

/**
 * A rule kube-proxy's configuration validation applies to a flag's value; kube-proxy exits when one
 * fails. The rules are prose: {@code dev.netc.analysis.KubeProxyAnalyzer} implements those of the
 * flags netc writes and cites them through {@link ConsumerTables#KUBE_PROXY_RULES}.
 */
public record KubeProxyRule(String field, String flag, String rule, String source) {}

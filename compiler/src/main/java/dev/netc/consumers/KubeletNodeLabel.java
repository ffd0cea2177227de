package dev.netc.consumers;

/**
 * A label key under kubernetes.io or k8s.io that kubelet may set on its own node with
 * {@code --node-labels} ({@code kind} {@code label}), or a namespace whose keys it may set
 * ({@code namespace}, itself or any subdomain of it); kubelet exits on any other such key.
 */
public record KubeletNodeLabel(String key, String kind, String source) {}

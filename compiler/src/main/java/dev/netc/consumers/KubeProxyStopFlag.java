package dev.netc.consumers;

/**
 * A kube-proxy flag that makes kube-proxy stop doing its work: exit at once, or read its whole
 * configuration from elsewhere.
 *
 * @param when the values that do it: {@code any value}, or the one value ({@code true})
 */
public record KubeProxyStopFlag(String flag, String when, String effect, String source) {

    public boolean stops(String value) {
        return when.equals("any value") || when.equalsIgnoreCase(value);
    }
}

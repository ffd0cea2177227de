package dev.netc.model;

/**
 * A secret value (the cluster token). {@link #toString()} never shows it, so it cannot leak
 * into a message or a log by accident; only the cloud-config emitter calls {@link #reveal()}.
 *
 * @param origin where it came from, e.g. {@code env STORE12_TOKEN}, safe to show
 */
public record Secret(String value, String origin) {
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[" + origin + "]";
    }
}

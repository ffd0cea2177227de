package dev.netc.evaluator;

/**
 * One end of a connection: a {@link Pod} of the universe, or an {@link ExternalEndpoint} outside
 * the cluster. Only pods have policies; an external endpoint's side never restricts a flow.
 */
public sealed interface Endpoint permits Pod, ExternalEndpoint {

    /** The address that ipBlock peers are matched against. */
    IpAddress ip();

    /** A short name for explanations: {@code namespace/name} for pods, the address otherwise. */
    String displayName();

    /** An endpoint outside the cluster at this IPv4 or IPv6 address. */
    static ExternalEndpoint external(String ip) {
        return new ExternalEndpoint(IpAddress.parse(ip));
    }
}

package dev.netc.analysis;

import java.util.Optional;

/**
 * Names RKE2 puts into the API server's certificate: each {@code tls-san}, and
 * {@code kubernetes.default.svc.<domain>}. dynamiclistener, which writes the certificate, keeps only
 * names its pattern {@code ^(\*\.)?([A-Za-z0-9:][-A-Za-z0-9_.:]*)?[A-Za-z0-9:]$} takes and drops the
 * others with a log line (rke2-value-rules.tsv: tls-san, cluster-domain); checked here a character
 * at a time, with no regular expression on the compile path.
 */
final class CertificateNames {
    private CertificateNames() {}

    /** Why dynamiclistener would drop the name, if it would. */
    static Optional<String> problem(String name) {
        String rest = name.startsWith("*.") ? name.substring(2) : name;
        if (rest.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (!isEnd(rest.charAt(0)) || !isEnd(rest.charAt(rest.length() - 1))) {
            return Optional.of("it must start and end with a letter, a digit or `:`");
        }
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (!isEnd(c) && c != '-' && c != '_' && c != '.') {
                return Optional.of("`" + c + "` is not a letter, digit, `-`, `_`, `.` or `:`");
            }
        }
        return Optional.empty();
    }

    private static boolean isEnd(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':';
    }

    /**
     * A cluster domain: a lowercase DNS name (labels of letters, digits and inner hyphens, at most
     * 253 characters). dynamiclistener would take more (upper case, `_`); netc keeps to what every
     * Kubernetes name is.
     */
    static Optional<String> domainProblem(String domain) {
        if (domain.length() > 253 || !Labels.isDnsSubdomain(domain)) {
            return Optional.of("a cluster domain is a lowercase DNS name such as `cluster.local`: labels of letters, "
                    + "digits and inner `-`, separated by dots");
        }
        return problem("kubernetes.default.svc." + domain);
    }
}

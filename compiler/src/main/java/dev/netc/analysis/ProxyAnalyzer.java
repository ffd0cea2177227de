package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Network;
import dev.netc.model.Proxy;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.vocabulary.NetspecVocabulary;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code proxy { http URL; https URL; no-proxy ITEMS }}: provider-rke2 hands {@code cluster.env} to
 * RKE2 and containerd (provider-airgap-proxy.tsv). Everything inside the cluster must bypass the
 * proxy, or agents reach their server, and kubelets their API server, through it: netc derives
 * NO_PROXY from the spec (the provider only adds the cluster's ranges, the machine's first network
 * and the default domain's service names).
 */
final class ProxyAnalyzer {
    private final Values values;
    private final DiagnosticSink sink;

    ProxyAnalyzer(Values values, DiagnosticSink sink) {
        this.values = values;
        this.sink = sink;
    }

    /** What the cluster's ranges, networks, join address and domain require, for NO_PROXY. */
    record Inside(List<Cidr> pods, List<Cidr> services, Collection<Network> networks, String server, String domain) {}

    Optional<Proxy> analyze(List<Statement.Block> blocks, Inside inside) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        Statement.Block block = blocks.get(0);
        if (blocks.size() > 1) {
            sink.report(Diagnostic.of(Code.NS1002, blocks.get(1).kind().span(), "block", "proxy")
                    .withSecondary(block.kind().span(), "first declared here"));
        }
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.PROXY, sink);
        Optional<String> http = url(reader.property("http"));
        Optional<String> https = url(reader.property("https"));
        Set<String> noProxy = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        inside.pods().forEach(c -> noProxy.add(c.toString()));
        inside.services().forEach(c -> noProxy.add(c.toString()));
        inside.networks().forEach(n -> n.cidrs().forEach(c -> noProxy.add(c.toString())));
        if (!inside.server().isEmpty()) {
            noProxy.add(inside.server());
        }
        noProxy.add(".svc");
        noProxy.add(".svc." + inside.domain());
        reader.property("no-proxy")
                .ifPresent(p ->
                        Properties.list(p, sink).forEach(v -> noProxyItem(v).ifPresent(noProxy::add)));
        return Optional.of(new Proxy(http, https, new ArrayList<>(noProxy)));
    }

    /** {@code http://host:port}: what Go's proxy handling reads; no spaces or commas, which NO_PROXY-style lists split at. */
    private Optional<String> url(Optional<Statement.Property> property) {
        Optional<Value> value = property.flatMap(p -> Properties.single(p, sink));
        Optional<String> text = value.flatMap(values::text);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> problem = urlProblem(text.get());
        problem.ifPresent(p -> sink.report(Diagnostic.of(
                        Code.NS2009,
                        value.get().span(),
                        "a proxy URL such as " + "`http://proxy.site.example:3128`",
                        "`" + text.get() + "`")
                .withNote(p)));
        return problem.isEmpty() ? text : Optional.empty();
    }

    static Optional<String> urlProblem(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (scheme == null || !List.of("http", "https", "socks5").contains(scheme)) {
                return Optional.of("the scheme must be http, https or socks5");
            }
            if (uri.getHost() == null) {
                return Optional.of("it names no host");
            }
            if (uri.getRawPath() != null
                    && !uri.getRawPath().isEmpty()
                    && !uri.getRawPath().equals("/")) {
                return Optional.of("a proxy URL has no path");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("it is not a URL: " + e.getReason());
        }
    }

    /** An address, a CIDR, or a domain (a leading `.` takes its subdomains), as Go's NO_PROXY matching reads them. */
    private Optional<String> noProxyItem(Value value) {
        Optional<String> text = values.text(value);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String item = text.get();
        boolean address = IpAddress.parse(item).isPresent() || Cidr.parse(item) instanceof Cidr.ParseResult.Ok;
        boolean domain = !item.isEmpty()
                && item.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '*');
        if (!address && !domain) {
            sink.report(Diagnostic.of(Code.NS2009, value.span(), "an address, CIDR or domain", "`" + item + "`")
                    .withNote("NO_PROXY is a comma-separated list: an item cannot hold spaces or commas"));
            return Optional.empty();
        }
        return Optional.of(item);
    }
}

package dev.netc.analysis;

import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Fix;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.source.Span;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads literals as the types their context needs, reporting what is wrong at the literal's
 * span. String literals are interpolated first, so {@code "10.${site}.0.0/16"} is a CIDR too.
 */
public final class Values {
    private final Params params;
    /** Where the parameters are used: every {@code ${name}} read. */
    private final Bindings.Recorder bindings;

    private final DiagnosticSink sink;

    Values(Params params, Bindings.Recorder bindings, DiagnosticSink sink) {
        this.params = params;
        this.bindings = bindings;
        this.sink = sink;
    }

    /** Values outside any spec, such as a query on the command line: nothing to interpolate. */
    public static Values withoutParams(DiagnosticSink sink) {
        return new Values(Params.bind(java.util.List.of(), java.util.Map.of(), sink), new Bindings.Recorder(), sink);
    }

    /** The text of a word, number, address, duration or (interpolated) string. */
    public Optional<String> text(Value value) {
        if (value instanceof Value.Str str) {
            return interpolate(str);
        } else if (value instanceof Value.Word w) {
            return Optional.of(w.text());
        } else if (value instanceof Value.Number n) {
            return Optional.of(String.valueOf(n.value()));
        } else if (value instanceof Value.Address a) {
            return Optional.of(a.text());
        } else if (value instanceof Value.Duration d) {
            return Optional.of(d.text());
        } else if (value instanceof Value.PortSpec p) {
            return Optional.of(p.text());
        }
        sink.report(Diagnostic.of(Code.NS2009, value.span(), "a single value", value.describe()));
        return Optional.empty();
    }

    public Optional<String> interpolate(Value.Str str) {
        StringBuilder out = new StringBuilder();
        for (Value.Str.Part part : str.parts()) {
            if (part instanceof Value.Str.Part.Text text) {
                out.append(text.text());
            } else {
                var ref = ((Value.Str.Part.ParamRef) part).name();
                bindings.use(ref.span(), Bindings.Kind.PARAM, ref.text());
                Optional<String> bound = params.value(ref.text());
                if (bound.isEmpty()) {
                    if (!params.isDeclared(ref.text())) {
                        Diagnostic missing = Diagnostic.of(Code.NS1001, ref.span(), "parameter", ref.text(), "");
                        sink.report(Suggest.didYouMean(missing, ref.text(), params.names())
                                .orElse(missing.withHelp("declare it with `param " + ref.text() + ": string`")));
                    }
                    return Optional.empty();
                }
                out.append(bound.get());
            }
        }
        return Optional.of(out.toString());
    }

    /** A name-like word; strings are accepted when they interpolate to a name. */
    public Optional<String> word(Value value, String expected) {
        if (value instanceof Value.Word || value instanceof Value.Str) {
            return text(value);
        }
        sink.report(Diagnostic.of(Code.NS2009, value.span(), expected, value.describe()));
        return Optional.empty();
    }

    public Optional<Cidr> cidr(Value value) {
        Optional<String> text = addressText(value, "a CIDR such as `10.42.0.0/16`");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Cidr.ParseResult result = Cidr.parse(text.get());
        if (result instanceof Cidr.ParseResult.Ok ok) {
            return Optional.of(ok.cidr());
        } else if (result instanceof Cidr.ParseResult.HostBitsSet bits) {
            String host = text.get().substring(0, text.get().indexOf('/')) + "/"
                    + bits.masked().family().bits();
            Diagnostic hostBits = Diagnostic.of(
                            Code.NS2003, value.span(), text.get(), bits.masked().prefix())
                    .withLabel("host bits set")
                    .withHelp("write the network address `" + bits.masked() + "`, or `" + host
                            + "` for the single address");
            // a literal CIDR can be rewritten in place; an interpolated string cannot
            sink.report(
                    value instanceof Value.Address
                            ? hostBits.withFix(new Fix(
                                            "use the network address `" + bits.masked() + "`",
                                            value.span(),
                                            bits.masked().toString()))
                                    .withFix(new Fix("use the single address `" + host + "`", value.span(), host))
                            : hostBits);
        } else {
            sink.report(
                    Diagnostic.of(Code.NS2001, value.span(), text.get(), ((Cidr.ParseResult.Invalid) result).reason()));
        }
        return Optional.empty();
    }

    /** A CIDR, or a single address taken as /32 or /128. */
    public Optional<Cidr> cidrOrHost(Value value) {
        Optional<String> text = addressText(value, "an address or CIDR");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().indexOf('/') < 0) {
            return ip(value).map(Cidr::host);
        }
        return cidr(value);
    }

    public Optional<IpAddress> ip(Value value) {
        Optional<String> text = addressText(value, "an IP address such as `10.0.1.10`");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<IpAddress> ip = IpAddress.parse(text.get());
        if (ip.isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2002, value.span(), text.get()));
        }
        return ip;
    }

    private Optional<String> addressText(Value value, String expected) {
        if (value instanceof Value.Address || value instanceof Value.Str) {
            return text(value);
        }
        sink.report(Diagnostic.of(Code.NS2009, value.span(), expected, value.describe()));
        return Optional.empty();
    }

    /** A whole number in {@code [min, max]}. */
    public OptionalInt integer(Value value, String what, long min, long max) {
        Optional<String> text =
                value instanceof Value.Number || value instanceof Value.Str ? text(value) : Optional.empty();
        if (text.isEmpty()) {
            if (!(value instanceof Value.Str)) {
                sink.report(Diagnostic.of(Code.NS2009, value.span(), "a number for " + what, value.describe()));
            }
            return OptionalInt.empty();
        }
        long number;
        try {
            number = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            number = Long.MIN_VALUE;
        }
        if (number < min || number > max) {
            sink.report(Diagnostic.of(Code.NS2012, value.span(), what, min, max, text.get()));
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) number);
    }

    public Optional<String> duration(Value value) {
        Optional<String> text =
                value instanceof Value.Duration || value instanceof Value.Str ? text(value) : Optional.empty();
        if (text.isPresent() && isDuration(text.get()) && nanos(text.get()).isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2011, value.span(), text.get())
                    .withNote("RKE2 and kube-proxy read durations as Go does, in nanoseconds up to about 292 years")
                    .withHelp("write a shorter duration"));
            return Optional.empty();
        }
        if (text.isPresent() && isDuration(text.get())) {
            return text;
        }
        if (text.isPresent() || !(value instanceof Value.Str)) {
            sink.report(Diagnostic.of(
                            Code.NS2011, value.span(), text.orElse(value.span().text()))
                    .withHelp("write a duration such as `30s`, `5m` or `1h30m`"));
        }
        return Optional.empty();
    }

    /** {@code tcp}, {@code udp} or {@code sctp}, in lower case (NS2005 otherwise, reported at {@code span}). */
    public Optional<Protocol> protocol(String protocolName, Span span) {
        Optional<Protocol> protocol = Protocol.parse(protocolName.toLowerCase(java.util.Locale.ROOT));
        if (protocol.isEmpty() || !protocolName.equals(protocolName.toLowerCase(java.util.Locale.ROOT))) {
            Diagnostic unknown = Diagnostic.of(Code.NS2005, span, protocolName).withLabel("not tcp, udp or sctp");
            sink.report(protocol.map(p -> unknown.withHelp("write it in lower case: `" + p.lowerCase() + "`"))
                    .orElse(unknown.withNote("NetworkPolicy supports only TCP, UDP and SCTP")));
            return Optional.empty();
        }
        return protocol;
    }

    /** {@code 80/tcp} or {@code 8000-8100/tcp}. */
    public Optional<PortRange> portSpec(String text, Span span) {
        Optional<PortSpecText> parts = PortSpecText.parse(text);
        if (parts.isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2009, span, "a port such as `80/tcp`", "`" + text + "`"));
            return Optional.empty();
        }
        Optional<Protocol> protocol = protocol(parts.get().protocol(), span);
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        OptionalInt first = port(parts.get().first(), span);
        OptionalInt last =
                parts.get().last().isEmpty() ? first : port(parts.get().last().get(), span);
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        if (last.getAsInt() < first.getAsInt()) {
            sink.report(Diagnostic.of(Code.NS2017, span, text));
            return Optional.empty();
        }
        return Optional.of(new PortRange(protocol.get(), first.getAsInt(), last.getAsInt()));
    }

    private OptionalInt port(String digits, Span span) {
        long number = digits.length() > 6 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (number < 1 || number > 65535) {
            sink.report(Diagnostic.of(Code.NS2004, span, digits).withLabel("ports are 1 to 65535"));
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) number);
    }

    // The two textual forms below are written out rather than matched with regular
    // expressions: compiling one cost about a millisecond of every start.
    // HandWrittenPatternsTest holds each to the expression quoted in its comment.

    /** {@code ([0-9]+(ms|h|m|s))+}: {@code 30s}, {@code 250ms}, {@code 1h30m}. */
    static boolean isDuration(String text) {
        int i = 0;
        while (i < text.length()) {
            int digits = digitsFrom(text, i);
            if (digits == i || digits == text.length()) {
                return false;
            }
            char unit = text.charAt(digits);
            if (unit == 'm' && digits + 1 < text.length() && text.charAt(digits + 1) == 's') {
                i = digits + 2; // "ms": an `s` after `m` cannot start the next part, which starts with a digit
            } else if (unit == 'h' || unit == 'm' || unit == 's') {
                i = digits + 1;
            } else {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /**
     * A duration of {@link #isDuration} form in nanoseconds, as Go's {@code time.ParseDuration}
     * reads it; empty when it does not fit Go's 64-bit count, which Go refuses.
     */
    static java.util.OptionalLong nanos(String text) {
        long total = 0;
        int i = 0;
        while (i < text.length()) {
            int digits = digitsFrom(text, i);
            boolean millis = text.startsWith("ms", digits);
            char unit = text.charAt(digits);
            long scale = millis
                    ? 1_000_000L
                    : unit == 's' ? 1_000_000_000L : unit == 'm' ? 60_000_000_000L : 3_600_000_000_000L;
            try {
                total = Math.addExact(total, Math.multiplyExact(Long.parseLong(text.substring(i, digits)), scale));
            } catch (ArithmeticException | NumberFormatException tooLarge) {
                return java.util.OptionalLong.empty();
            }
            i = digits + (millis ? 2 : 1);
        }
        return java.util.OptionalLong.of(total);
    }

    /** The parts of {@code 80/tcp} or {@code 8000-8100/tcp}: {@code ([0-9]+)(?:-([0-9]+))?/([A-Za-z]+)}. */
    record PortSpecText(String first, Optional<String> last, String protocol) {
        static Optional<PortSpecText> parse(String text) {
            int firstEnd = digitsFrom(text, 0);
            int lastEnd = firstEnd;
            if (firstEnd < text.length() && text.charAt(firstEnd) == '-') {
                lastEnd = digitsFrom(text, firstEnd + 1);
                if (lastEnd == firstEnd + 1) {
                    return Optional.empty();
                }
            }
            if (firstEnd == 0
                    || lastEnd >= text.length() - 1
                    || text.charAt(lastEnd) != '/'
                    || !isLetters(text, lastEnd + 1)) {
                return Optional.empty();
            }
            Optional<String> last =
                    lastEnd == firstEnd ? Optional.empty() : Optional.of(text.substring(firstEnd + 1, lastEnd));
            return Optional.of(new PortSpecText(text.substring(0, firstEnd), last, text.substring(lastEnd + 1)));
        }

        private static boolean isLetters(String text, int from) {
            for (int i = from; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The index after the ASCII digits that start at {@code from}. */
    private static int digitsFrom(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}

package dev.netc.analysis;

import dev.netc.consumers.ConsumerTables;
import dev.netc.consumers.SpecialAddressRange;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Node addresses, pod ranges and service ranges in the ranges the consumers refuse or cannot
 * route for that use (special-address-ranges.tsv): pods in 127.0.0.0/8 boot, but the API server
 * refuses every EndpointSlice that lists them, so no Service ever reaches one (NS2031).
 */
final class SpecialAddresses {
    private record Range(Cidr cidr, SpecialAddressRange row) {}

    /** The table's ranges, parsed once, when a cluster is first checked. */
    private static final class Ranges {
        static final List<Range> ALL = load();

        private static List<Range> load() {
            List<Range> ranges = new ArrayList<>();
            for (SpecialAddressRange row : ConsumerTables.SPECIAL_ADDRESS_RANGES) {
                for (String text : row.rangeTexts()) {
                    ranges.add(new Range(((Cidr.ParseResult.Ok) Cidr.parse(text)).cidr(), row));
                }
            }
            return List.copyOf(ranges);
        }
    }

    private final DiagnosticSink sink;

    SpecialAddresses(DiagnosticSink sink) {
        this.sink = sink;
    }

    /**
     * @param what as the message names it: {@code the pod range}, {@code node address}
     * @param use the table's use: {@code node}, {@code pod}, {@code service}
     */
    boolean checkRange(Cidr cidr, Span span, String what, String use) {
        return check(range -> range.cidr().overlaps(cidr), span, what, cidr.toString(), use);
    }

    boolean checkAddress(IpAddress address, Span span, String what, String use) {
        return check(range -> range.cidr().contains(address), span, what, address.toString(), use);
    }

    private boolean check(java.util.function.Predicate<Range> hits, Span span, String what, String value, String use) {
        for (Range range : Ranges.ALL) {
            if (range.row().appliesTo(use) && hits.test(range)) {
                report(span, what, value, range);
                return false;
            }
        }
        return true;
    }

    private void report(Span span, String what, String value, Range range) {
        sink.report(Diagnostic.of(Code.NS2031, span, what, value, range.row().name(), range.cidr())
                .withNote(range.row().why() + " (" + range.row().source() + ")"));
    }
}

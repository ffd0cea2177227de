package dev.netc.ast;

import dev.netc.source.Span;
import java.util.List;
import java.util.stream.Collectors;

/** A literal as written. What it means (a CIDR, a mode, a node name) is decided by its context. */
public sealed interface Value {
    Span span();

    /** A short description for "expected X, found Y" messages. */
    String describe();

    /** A name-like word: {@code vxlan}, {@code eth0}, {@code private}, {@code cluster.pods}. */
    record Word(String text, Span span) implements Value {
        public String describe() {
            return "`" + text + "`";
        }
    }

    record Number(long value, Span span) implements Value {
        public String describe() {
            return "the number `" + span.text() + "`"; // as written: `0640`, not 640
        }
    }

    /** {@code 30s}, {@code 1h30m}. */
    record Duration(String text, Span span) implements Value {
        public String describe() {
            return "the duration `" + text + "`";
        }
    }

    /** {@code 80/tcp}, {@code 8000-8100/tcp}, unchecked. */
    record PortSpec(String text, Span span) implements Value {
        public String describe() {
            return "the port `" + text + "`";
        }
    }

    /** An IPv4 or IPv6 address or CIDR as written, unchecked. */
    record Address(String text, Span span) implements Value {
        public String describe() {
            return "the address `" + text + "`";
        }
    }

    /** {@code env("TOKEN")}, {@code file("token.txt")}. */
    record Call(Name function, Value argument, Span span) implements Value {
        public String describe() {
            return "`" + function.text() + "(...)`";
        }
    }

    /** {@code ["a", "b"]}, used for raw RKE2 values. */
    record ListValue(List<Value> items, Span span) implements Value {
        public ListValue {
            items = List.copyOf(items);
        }

        public String describe() {
            return "a list";
        }
    }

    /** A string literal, possibly with {@code ${param}} interpolations. */
    record Str(List<Part> parts, Span span) implements Value {
        public Str {
            parts = List.copyOf(parts);
        }

        public boolean isPlain() {
            return parts.stream().allMatch(p -> p instanceof Part.Text);
        }

        /** The text when there is nothing to interpolate. */
        public String plainText() {
            return parts.stream().map(p -> ((Part.Text) p).text()).collect(Collectors.joining());
        }

        public String describe() {
            return "a string";
        }

        /** A piece of a string: literal text or a parameter reference. */
        public sealed interface Part {
            record Text(String text) implements Part {}

            record ParamRef(Name name) implements Part {}
        }
    }
}

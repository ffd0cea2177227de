package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Secret;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code psk env("NAME")} or {@code psk file("path")} in a {@code canal} or {@code flannel} block:
 * the pre-shared key flannel's WireGuard backend gives every peer. flannel parses it with
 * wgctrl-go's {@code wgtypes.ParseKey} (flannel-io/flannel@cdf7605
 * pkg/backend/wireguard/wireguard.go:115-134): standard base64 that decodes to exactly 32 bytes
 * (WireGuard/wgctrl-go@925a1e7 wgtypes/types.go:112-132), which is what {@code wg genpsk} prints.
 * Any other text makes flanneld exit with "could not parse psk" on every node, so it is refused
 * here. A key written in the source would be no secret: only a reference is taken.
 */
final class PresharedKey {
    /** 32 bytes in standard base64: 43 characters and one {@code =} of padding. */
    private static final int ENCODED_LENGTH = 44;

    private static final int KEY_BYTES = 32;

    private final SecretReader secrets;
    private final DiagnosticSink sink;

    PresharedKey(SecretReader secrets, DiagnosticSink sink) {
        this.secrets = secrets;
        this.sink = sink;
    }

    /**
     * The key the block's {@code psk} names, checked; empty without one, or when it cannot be read
     * or used.
     *
     * @param backend the block's backend word; flannel reads the key only for {@code wireguard}
     */
    Optional<Secret> read(BlockReader block, String backend) {
        Optional<Statement.Property> property = block.property("psk");
        if (property.isEmpty()) {
            return Optional.empty();
        }
        if (!backend.equals("wireguard")) {
            sink.report(Diagnostic.of(Code.NS4035, property.get().span(), backend)
                    .withNote("flannel reads the pre-shared key only for its WireGuard backend: with " + backend
                            + " it would be written into the chart and never used")
                    .withHelp("write `backend wireguard`, or remove `psk`"));
            return Optional.empty();
        }
        Optional<Value> value = Properties.single(property.get(), sink);
        Optional<Value.Call> reference = value.flatMap(secrets::reference);
        Optional<Secret> read = reference.flatMap(call -> secrets.read(call, "the WireGuard pre-shared key"));
        if (read.isEmpty()) {
            return Optional.empty();
        }
        // `wg genpsk > psk` ends the file with a newline, as an environment variable may
        String key = read.get().reveal().strip();
        if (!isKey(key)) {
            sink.report(Diagnostic.of(
                            Code.NS2032, reference.get().span(), read.get().origin())
                    .withNote("flannel parses the key as wgtypes.ParseKey does: standard base64 of exactly 32 "
                            + "bytes, 44 characters ending in `=`; anything else stops flanneld on every node "
                            + "(WireGuard/wgctrl-go@925a1e7 wgtypes/types.go:112-132); netc never shows the key")
                    .withHelp("generate one with `wg genpsk`"));
            return Optional.empty();
        }
        return Optional.of(new Secret(key, read.get().origin()));
    }

    private static boolean isKey(String text) {
        if (text.length() != ENCODED_LENGTH || !text.endsWith("=") || text.endsWith("==")) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(text).length == KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}

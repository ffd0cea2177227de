package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Rke2CatalogueTest {

    static final String KEYS_HEADER = "key\ttype\tscope\tdefault\tdescription\n";
    static final String DROPPED_HEADER = "key\treason\n";

    @TempDir
    Path dir;

    @Test
    void readsSortsAndMapsWords() throws IOException {
        Rke2Catalogue catalogue = load(
                KEYS_HEADER
                        + "node-ip\tstring-list\tboth\t\tNode address(es)\n"
                        + "cluster-cidr\tstring-list\tserver\t10.42.0.0/16\tPod CIDR\n"
                        + "debug\tbool\tboth\tfalse\tDebug logging\n"
                        + "etcd-s3-timeout\tduration\tserver\t5m0s\tS3 timeout\n"
                        + "v\tint\tboth\t0\tVerbosity\n"
                        + "token\tstring\tboth\t\tJoin secret\n",
                DROPPED_HEADER + "provider_options\tnot a key\n" + "flannel-iface\tdropped\n");

        assertThat(catalogue.keys())
                .extracting(Rke2Catalogue.Key::name)
                .containsExactly("cluster-cidr", "debug", "etcd-s3-timeout", "node-ip", "token", "v");
        assertThat(catalogue.keys())
                .extracting(Rke2Catalogue.Key::type)
                .containsExactly("STRING_LIST", "BOOL", "DURATION", "STRING_LIST", "STRING", "INT");
        assertThat(catalogue.keys().get(0))
                .isEqualTo(new Rke2Catalogue.Key("cluster-cidr", "STRING_LIST", "SERVER", "10.42.0.0/16", "Pod CIDR"));
        assertThat(catalogue.keys().get(3).defaultValue()).isEmpty();
        assertThat(catalogue.dropped())
                .containsExactly(
                        new Rke2Catalogue.Dropped("flannel-iface", "dropped"),
                        new Rke2Catalogue.Dropped("provider_options", "not a key"));
    }

    @Test
    void acceptsAMissingFinalNewline() throws IOException {
        Rke2Catalogue catalogue = load(KEYS_HEADER + "debug\tbool\tboth\tfalse\tDebug logging", DROPPED_HEADER);

        assertThat(catalogue.keys()).hasSize(1);
        assertThat(catalogue.dropped()).isEmpty();
    }

    @Test
    void rejectsAWrongNumberOfFields() {
        assertKeysError(
                KEYS_HEADER + "debug\tbool\tboth\tfalse\tok\n" + "token\tstring\tboth\tJoin secret\n",
                ":3: expected 5 tab-separated fields");
    }

    @Test
    void rejectsAnUnknownType() {
        assertKeysError(
                KEYS_HEADER + "debug\tboolean\tboth\tfalse\tDebug\n",
                ":2: unknown type 'boolean' for key 'debug'; expected one of [bool, duration, int, string, string-list]");
    }

    @Test
    void rejectsAnUnknownScope() {
        assertKeysError(
                KEYS_HEADER + "debug\tbool\tagent\tfalse\tDebug\n",
                ":2: unknown scope 'agent' for key 'debug'; expected one of [both, server]");
    }

    @Test
    void rejectsADuplicateKeyNamingBothLines() {
        Path keys = write(
                "keys.tsv",
                KEYS_HEADER + "debug\tbool\tboth\tfalse\tDebug\n" + "v\tint\tboth\t0\tV\n"
                        + "debug\tbool\tboth\t\tAgain\n");

        assertThatThrownBy(() -> Rke2Catalogue.load(keys, write("dropped.tsv", DROPPED_HEADER)))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessage(keys + ":4: duplicate key 'debug', first listed at " + keys + ":2");
    }

    @Test
    void rejectsADuplicateDroppedName() {
        assertDroppedError(DROPPED_HEADER + "fips\ta\n" + "fips\tb\n", ":3: duplicate key 'fips', first listed at ");
    }

    @Test
    void rejectsADroppedNameThatIsAKey() {
        Path keys = write("keys.tsv", KEYS_HEADER + "debug\tbool\tboth\tfalse\tDebug\n");
        Path dropped = write("dropped.tsv", DROPPED_HEADER + "debug\tno\n");

        assertThatThrownBy(() -> Rke2Catalogue.load(keys, dropped))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessage(dropped + ":2: 'debug' is listed as dropped but is a config key at " + keys + ":2");
    }

    @Test
    void rejectsAWrongHeader() {
        assertKeysError("key\ttype\tscope\tdescription\n", ":1: header row must be [key TAB type TAB scope");
        assertKeysError("", ":1: empty file");
    }

    @Test
    void rejectsBlankLinesCarriageReturnsAndPaddedFields() {
        assertKeysError(KEYS_HEADER + "\n" + "debug\tbool\tboth\tfalse\tDebug\n", ":2: blank line");
        assertKeysError(KEYS_HEADER + "debug\tbool\tboth\tfalse\tDebug\r\n", ":2: carriage return");
        assertKeysError(KEYS_HEADER.replace("\n", "\r\n"), ":1: carriage return");
        assertKeysError(
                KEYS_HEADER + "debug\tbool \tboth\tfalse\tDebug\n",
                ":2: field 'type' has leading or trailing whitespace: 'bool '");
    }

    @Test
    void rejectsBadNamesAndEmptyTexts() {
        assertKeysError(KEYS_HEADER + "Debug\tbool\tboth\tfalse\tDebug\n", ":2: bad key 'Debug'");
        assertKeysError(KEYS_HEADER + "node_ip\tbool\tboth\tfalse\tDebug\n", ":2: bad key 'node_ip'");
        assertKeysError(KEYS_HEADER + "\tbool\tboth\tfalse\tDebug\n", ":2: bad key ''");
        assertKeysError(KEYS_HEADER + "debug\tbool\tboth\tfalse\t\n", ":2: empty description for key 'debug'");
        assertDroppedError(DROPPED_HEADER + "fips\t\n", ":2: empty reason for key 'fips'");
    }

    @Test
    void rejectsInvalidUtf8() throws IOException {
        Path keys = dir.resolve("keys.tsv");
        Files.write(keys, new byte[] {'k', (byte) 0xC3, '\n'});

        assertThatThrownBy(() -> Rke2Catalogue.load(keys, write("dropped.tsv", DROPPED_HEADER)))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessage(keys + ": not valid UTF-8");
    }

    private Rke2Catalogue load(String keys, String dropped) throws IOException {
        return Rke2Catalogue.load(write("keys.tsv", keys), write("dropped.tsv", dropped));
    }

    private void assertKeysError(String keys, String expected) {
        Path keysFile = write("keys.tsv", keys);
        assertThatThrownBy(() -> Rke2Catalogue.load(keysFile, write("dropped.tsv", DROPPED_HEADER)))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageStartingWith(keysFile + expected);
    }

    private void assertDroppedError(String dropped, String expected) {
        Path droppedFile = write("dropped.tsv", dropped);
        assertThatThrownBy(() -> Rke2Catalogue.load(write("keys.tsv", KEYS_HEADER), droppedFile))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageStartingWith(droppedFile + expected);
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

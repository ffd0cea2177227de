package dev.netc.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release distribution as a user gets it: the archives hold everything, the launcher runs
 * from anywhere through symbolic links (also for an editor starting {@code netc lsp}),
 * install.sh puts it onto a prefix, and the version is the same wherever it shows.
 */
class DistributionTest {
    private static final List<String> CONTENTS = List.of(
            "bin/netc",
            "install.sh",
            "lib/netc/netc.jar",
            "share/man/man1/netc.1",
            "share/bash-completion/completions/netc",
            "share/zsh/site-functions/_netc",
            "share/fish/vendor_completions.d/netc.fish",
            "share/doc/netc/LICENSE",
            "share/doc/netc/README.md");

    @TempDir
    Path dir;

    @Test
    void theArchivesHoldTheLauncherTheJarTheManPageTheCompletionsAndTheLicence() throws Exception {
        String base = "netc-" + Tools.VERSION + "/";
        Path tar = Path.of("target", "netc-" + Tools.VERSION + ".tar.gz");
        Tools.Run listing = Tools.run(Path.of(""), "tar", "-tvzf", tar.toString());
        assertThat(listing.exit()).as(listing.err()).isZero();
        for (String entry : CONTENTS) {
            assertThat(listing.out()).as("%s in %s", entry, tar).contains(base + entry);
        }
        assertThat(listing.out().lines().filter(l -> l.endsWith(base + "bin/netc")))
                .singleElement()
                .asString()
                .startsWith("-rwxr-xr-x");
        try (ZipFile zip =
                new ZipFile(Path.of("target", "netc-" + Tools.VERSION + ".zip").toFile())) {
            for (String entry : CONTENTS) {
                assertThat(zip.getEntry(base + entry))
                        .as("%s in the zip", entry)
                        .isNotNull();
            }
        }
        assertThat(Files.readString(Tools.HOME.resolve("share/doc/netc/LICENSE")))
                .isEqualTo(Files.readString(Tools.ROOT.resolve("LICENSE")))
                .contains("Apache License");
    }

    /** A chain of links, one relative and one absolute, run from a folder that is neither the link's nor the home's. */
    @Test
    void theLauncherRunsThroughSymbolicLinksFromAnotherFolder() throws IOException {
        Path link = linkTo(Tools.HOME.resolve("bin/netc"));
        Path elsewhere = Files.createDirectories(dir.resolve("work/elsewhere"));
        Files.copy(Tools.ROOT.resolve("examples/three-tier.netspec"), elsewhere.resolve("three-tier.netspec"));

        Tools.Run version = Tools.run(elsewhere, link.toString(), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("netc " + Tools.VERSION + "\n");
        Tools.Run check = Tools.run(elsewhere, link.toString(), "check", "three-tier.netspec");
        assertThat(check.exit()).as(check.err()).isZero();
        Tools.Run compile = Tools.run(elsewhere, link.toString(), "compile", "three-tier.netspec", "-o", "out");
        assertThat(compile.exit()).as(compile.err()).isZero();
        assertThat(elsewhere.resolve("out/policies/app.yaml")).exists();
    }

    /** The checkout's ./netc, linked into a folder on PATH, as the issue reported it failing. */
    @Test
    void theCheckoutsLauncherRunsThroughASymbolicLink() throws IOException {
        Path link = linkTo(Tools.ROOT.resolve("netc"));
        Tools.Run version = Tools.run(Files.createDirectories(dir.resolve("elsewhere")), link.toString(), "--version");
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).isEqualTo("netc " + Tools.VERSION + "\n");
    }

    /** An editor starts `netc lsp` through the link on its PATH; the server names its version. */
    @Test
    void theLanguageServerStartsThroughTheLinkAndNamesTheVersion() throws IOException {
        Path link = linkTo(Tools.HOME.resolve("bin/netc"));
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}";
        String exit = "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}";
        Tools.Run lsp = Tools.run(
                Files.createDirectories(dir.resolve("editor")),
                Map.of(),
                message(initialize) + message(exit),
                List.of(link.toString(), "lsp"));
        assertThat(lsp.out()).contains("\"serverInfo\":{\"name\":\"netc\",\"version\":\"" + Tools.VERSION + "\"}");
    }

    @Test
    void installScriptPutsNetcOntoAPrefixWithItsAppCdsArchive() throws IOException {
        Path prefix = dir.resolve("prefix");
        Tools.Run install =
                Tools.run(dir, "bash", Tools.HOME.resolve("install.sh").toString(), "--prefix", prefix.toString());
        assertThat(install.exit()).as(install.out() + install.err()).isZero();
        assertThat(install.out()).contains("installed netc " + Tools.VERSION + " into " + prefix.toRealPath());
        for (String entry : CONTENTS) {
            if (!entry.equals("install.sh")) {
                assertThat(prefix.resolve(entry)).as(entry).exists();
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(prefix.resolve("bin/netc"))))
                .isEqualTo("rwxr-xr-x");
        Tools.Run version = Tools.run(dir, prefix.resolve("bin/netc").toString(), "--version");
        assertThat(version.out()).isEqualTo("netc " + Tools.VERSION + "\n");
        if (Files.exists(Tools.HOME.resolve("lib/netc/netc.classlist"))) {
            // the archive is made where the jar is (Java 17 ties it to the jar's path), and the JVM takes it
            Path archive = prefix.resolve("lib/netc/netc.jsa");
            assertThat(archive).exists();
            Tools.Run shared = Tools.run(
                    dir,
                    "java",
                    "-XX:+UseParallelGC",
                    "-Xshare:on",
                    "-XX:SharedArchiveFile=" + archive,
                    "-jar",
                    prefix.resolve("lib/netc/netc.jar").toString(),
                    "--version");
            assertThat(shared.exit()).as(shared.out() + shared.err()).isZero();
        }
    }

    /** The one version: the pom's, the jar's manifest, `--version`, the VS Code extension's. */
    @Test
    void theVersionIsTheSameEverywhere() throws IOException {
        try (JarFile jar = new JarFile(Tools.HOME.resolve("lib/netc/netc.jar").toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
                    .isEqualTo(Tools.VERSION);
        }
        String packageJson = Files.readString(Tools.ROOT.resolve("editor-support/vscode/package.json"));
        assertThat(packageJson).contains("\"version\": \"" + Tools.VERSION + "\"");
        assertThat(Tools.run(Path.of(""), Tools.HOME.resolve("bin/netc").toString(), "--version")
                        .out())
                .isEqualTo("netc " + Tools.VERSION + "\n");
    }

    /** {@code dir/bin/netc} -> {@code dir/opt/current} (relative) -> {@code target} (absolute). */
    private Path linkTo(Path target) throws IOException {
        Path opt = Files.createDirectories(dir.resolve("opt"));
        Path current = Files.createSymbolicLink(opt.resolve("current"), target.toAbsolutePath());
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = bin.resolve("netc");
        Files.deleteIfExists(link);
        return Files.createSymbolicLink(link, bin.relativize(current));
    }

    private static String message(String json) {
        return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }
}

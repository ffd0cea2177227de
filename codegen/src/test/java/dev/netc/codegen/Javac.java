package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated sources in a test, with every lint warning an error, and loads them. */
final class Javac {
    private Javac() {}

    static ClassLoader compile(Path classes, Path... sources) throws IOException {
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("tests need a JDK").isNotNull();
        List<String> arguments =
                new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString()));
        for (Path source : sources) {
            arguments.add(source.toString());
        }
        int exit = javac.run(null, null, null, arguments.toArray(String[]::new));
        assertThat(exit)
                .as("javac exit code (see the test output for messages)")
                .isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Javac.class.getClassLoader());
    }
}

package dev.netc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * netc in a process of its own, as a user runs it: its own environment (locale, time zone,
 * secrets), working directory and exit code. Runs the classes under test with the test's
 * class path rather than the jar, which the build makes only after the tests.
 */
final class NetcProcess {
    /** What a finished run printed and returned. */
    record Result(int exit, String out, String err) {}

    private NetcProcess() {}

    /**
     * @param environment variables to set; a null value removes the variable
     */
    static Process start(
            Path workingDirectory, Map<String, String> environment, List<String> jvmOptions, String... args) {
        return start(Netc.class, workingDirectory, environment, jvmOptions, args);
    }

    /** Runs {@code main} of another class with netc on the class path. */
    static Process start(
            Class<?> main,
            Path workingDirectory,
            Map<String, String> environment,
            List<String> jvmOptions,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs to the end (at most two minutes) and collects stdout and stderr. */
    static Result run(Path workingDirectory, Map<String, String> environment, List<String> jvmOptions, String... args) {
        return run(Netc.class, workingDirectory, environment, jvmOptions, args);
    }

    static Result run(
            Class<?> main,
            Path workingDirectory,
            Map<String, String> environment,
            List<String> jvmOptions,
            String... args) {
        Path out;
        Path err;
        try {
            out = Files.createTempFile("netc-out", ".txt");
            err = Files.createTempFile("netc-err", ".txt");
            Process process = start(main, workingDirectory, environment, jvmOptions, args);
            // read both streams fully so neither fills its pipe and blocks the process
            Thread errReader = new Thread(() -> copy(process.getErrorStream(), err));
            errReader.start();
            copy(process.getInputStream(), out);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("netc " + String.join(" ", args) + " did not finish in two minutes");
            }
            errReader.join();
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copy(java.io.InputStream in, Path to) {
        try (in) {
            Files.write(to, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

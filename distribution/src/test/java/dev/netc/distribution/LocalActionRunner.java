package dev.netc.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Runs the steps of a composite GitHub Action ({@code action.yml}) without a runner, as the
 * runner would: inputs with their defaults, {@code ${{ }}} expressions ({@code inputs.*},
 * {@code steps.<id>.outputs.*}, {@code always()}, {@code success()}, {@code failure()},
 * {@code ==}, {@code !=}, {@code &&}, {@code ||}, strings), {@code if:} (with {@code success()}
 * added where it names no status function, as the runner adds it), {@code env},
 * {@code working-directory}, and the files {@code GITHUB_OUTPUT}, {@code GITHUB_PATH} and
 * {@code GITHUB_ENV}. A {@code run} step is run with bash; a {@code uses} step cannot be (it is
 * another action): it is recorded with its inputs, for the test to check what it would get.
 */
final class LocalActionRunner {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}");

    /** A step as it ran: its name, whether it ran, its exit code, output and, for `uses`, its inputs. */
    record Step(String name, boolean ran, int exit, String out, String err, String uses, Map<String, String> with) {}

    private final Path actionPath;
    private final Path workspace;
    private final Path temp;
    private final Map<String, String> inputs = new HashMap<>();
    private final Map<String, Map<String, String>> outputs = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();
    private final List<String> path = new ArrayList<>();
    private boolean failed;

    /**
     * @param actionPath the folder of {@code action.yml} ({@code github.action_path})
     * @param workspace the repository the workflow runs on ({@code github.workspace})
     * @param temp {@code RUNNER_TEMP}
     */
    LocalActionRunner(Path actionPath, Path workspace, Path temp, Map<String, String> environment) {
        this.actionPath = actionPath;
        this.workspace = workspace;
        this.temp = temp;
        this.environment.putAll(environment);
    }

    /** Runs every step with these inputs (the rest take their defaults); what each step did. */
    @SuppressWarnings("unchecked")
    List<Step> run(Map<String, String> given) throws IOException {
        Map<String, Object> action =
                (Map<String, Object>) new Load(LoadSettings.builder().build())
                        .loadFromString(Files.readString(actionPath.resolve("action.yml")));
        Map<String, Object> declared = (Map<String, Object>) action.get("inputs");
        declared.forEach((name, spec) ->
                inputs.put(name, String.valueOf(((Map<String, Object>) spec).getOrDefault("default", ""))));
        for (String name : given.keySet()) {
            if (!declared.containsKey(name)) {
                throw new IllegalArgumentException("the action has no input `" + name + "`");
            }
        }
        inputs.putAll(given);
        Map<String, Object> runs = (Map<String, Object>) action.get("runs");
        if (!"composite".equals(runs.get("using"))) {
            throw new IllegalArgumentException("not a composite action");
        }
        List<Step> steps = new ArrayList<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) runs.get("steps")) {
            steps.add(step(step));
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private Step step(Map<String, Object> step) throws IOException {
        String name = String.valueOf(step.get("name"));
        String condition = step.containsKey("if")
                ? String.valueOf(step.get("if")).strip().replaceAll("^\\$\\{\\{(.*)}}$", "$1")
                : "success()";
        // as the runner does: a condition without a status function holds only while no step has failed
        if (!condition.matches(".*\\b(always|success|failure|cancelled)\\(\\).*")) {
            condition = "success() && (" + condition + ")";
        }
        if (!truthy(evaluate(condition))) {
            return new Step(name, false, 0, "", "", null, Map.of());
        }
        if (step.containsKey("uses")) {
            Map<String, String> with = new LinkedHashMap<>();
            ((Map<String, Object>) step.getOrDefault("with", Map.of()))
                    .forEach((key, value) -> with.put(key, substitute(String.valueOf(value))));
            return new Step(name, true, 0, "", "", String.valueOf(step.get("uses")), with);
        }
        if (!"bash".equals(step.get("shell"))) {
            throw new IllegalArgumentException("step `" + name + "`: only `shell: bash` is run here");
        }
        Path output = Files.createTempFile(temp, "output", "");
        Path pathFile = Files.createTempFile(temp, "path", "");
        Path envFile = Files.createTempFile(temp, "env", "");
        Map<String, String> env = new HashMap<>(environment);
        env.put("GITHUB_ACTION_PATH", actionPath.toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("RUNNER_TEMP", temp.toString());
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_PATH", pathFile.toString());
        env.put("GITHUB_ENV", envFile.toString());
        env.put("PATH", String.join(":", path) + (path.isEmpty() ? "" : ":") + System.getenv("PATH"));
        ((Map<String, Object>) step.getOrDefault("env", Map.of()))
                .forEach((key, value) -> env.put(key, substitute(String.valueOf(value))));
        Path directory = workspace.resolve(substitute(String.valueOf(step.getOrDefault("working-directory", "."))));
        Path script =
                Files.writeString(Files.createTempFile(temp, "step", ".sh"), substitute((String) step.get("run")));
        // bash --noprofile --norc -eo pipefail {0}: what the runner runs a bash step with
        Tools.Run run = Tools.run(
                directory, env, "", List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString()));
        if (step.containsKey("id")) {
            outputs.put(String.valueOf(step.get("id")), keyValues(output));
        }
        for (String line : Files.readAllLines(pathFile)) {
            if (!line.isBlank()) {
                path.add(0, line.strip());
            }
        }
        environment.putAll(keyValues(envFile));
        failed |= run.exit() != 0;
        return new Step(name, true, run.exit(), run.out(), run.err(), null, Map.of());
    }

    /** Whether a step failed, so that the job fails. */
    boolean failed() {
        return failed;
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    /** The text with each {@code ${{ expression }}} replaced by its value. */
    private String substitute(String text) {
        Matcher matcher = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(evaluate(matcher.group(1)))));
        }
        return matcher.appendTail(out).toString();
    }

    private static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : !String.valueOf(value).isEmpty();
    }

    // a small recursive-descent reader of the expressions the action uses
    private String expression;
    private int at;

    private Object evaluate(String text) {
        expression = text;
        at = 0;
        Object value = or();
        skipBlanks();
        if (at != expression.length()) {
            throw new IllegalArgumentException("cannot read `" + text + "` at " + at);
        }
        return value;
    }

    private Object or() {
        Object left = and();
        while (take("||")) {
            Object right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    }

    private Object and() {
        Object left = comparison();
        while (take("&&")) {
            Object right = comparison();
            left = truthy(left) ? right : left;
        }
        return left;
    }

    private Object comparison() {
        Object left = atom();
        if (take("==")) {
            return String.valueOf(left).equals(String.valueOf(atom()));
        }
        if (take("!=")) {
            return !String.valueOf(left).equals(String.valueOf(atom()));
        }
        return left;
    }

    private Object atom() {
        skipBlanks();
        if (take("(")) {
            Object value = or();
            expect(")");
            return value;
        }
        if (take("'")) {
            int end = expression.indexOf('\'', at);
            String literal = expression.substring(at, end);
            at = end + 1;
            return literal;
        }
        int start = at;
        while (at < expression.length()
                && (Character.isLetterOrDigit(expression.charAt(at)) || "._-".indexOf(expression.charAt(at)) >= 0)) {
            at++;
        }
        String name = expression.substring(start, at);
        if (take("(")) {
            expect(")");
            return switch (name) {
                case "always" -> true;
                case "success" -> !failed;
                case "failure" -> failed;
                default -> throw new IllegalArgumentException("unknown function " + name);
            };
        }
        String[] parts = name.split("\\.");
        return switch (parts[0]) {
            case "inputs" -> inputs.getOrDefault(parts[1], "");
            case "steps" -> outputs.getOrDefault(parts[1], Map.of()).getOrDefault(parts[3], "");
            case "github" -> parts[1].equals("action_path") ? actionPath.toString() : workspace.toString();
            default -> throw new IllegalArgumentException("unknown context " + name);
        };
    }

    private void expect(String token) {
        if (!take(token)) {
            throw new IllegalArgumentException("expected `" + token + "` at " + at + " in `" + expression + "`");
        }
    }

    private boolean take(String token) {
        skipBlanks();
        if (expression.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private void skipBlanks() {
        while (at < expression.length() && Character.isWhitespace(expression.charAt(at))) {
            at++;
        }
    }
}

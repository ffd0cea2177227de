package dev.netc.diagnostics.format;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.netc.Version;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Explanation;
import dev.netc.diagnostics.Fix;
import dev.netc.diagnostics.Label;
import dev.netc.diagnostics.Severity;
import dev.netc.source.Span;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A SARIF 2.1.0 log with one run: the rules (every code that occurs, with its help text) and
 * one result per diagnostic. File locations are URIs relative to the working directory (with
 * {@code --path-prefix} before them), with base id {@value #SOURCE_ROOT}, so GitHub code
 * scanning maps them onto the repository.
 *
 * <p>Every result has a location: GitHub rejects the whole upload when one has none ("expected
 * at least one location"), though SARIF allows it. A diagnostic without a position (a problem
 * of the invocation) is placed at the first line of the run's first input, and says so.
 */
final class SarifFormat {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SOURCE_ROOT = "SRCROOT";

    private SarifFormat() {}

    static void write(DiagnosticReport report, PrintWriter out) {
        List<Code> rules = new ArrayList<>(
                new TreeSet<>(report.shown().stream().map(Diagnostic::code).toList()));
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "netc");
        driver.addProperty("version", Version.current());
        JsonArray ruleArray = new JsonArray();
        rules.forEach(code -> ruleArray.add(rule(code)));
        driver.add("rules", ruleArray);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);

        JsonArray results = new JsonArray();
        report.shown().forEach(d -> results.add(result(d, rules.indexOf(d.code()), report.locations())));

        JsonObject run = new JsonObject();
        run.add("tool", tool);
        run.add("results", results);
        run.addProperty("columnKind", "utf16CodeUnits");
        JsonArray runs = new JsonArray();
        runs.add(run);
        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA);
        log.addProperty("version", "2.1.0");
        log.add("runs", runs);
        out.println(new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(log));
    }

    private static JsonObject rule(Code code) {
        JsonObject rule = new JsonObject();
        rule.addProperty("id", code.name());
        // the page behind `netc explain`: its title, and all of it (with the wrong and the right example) as help
        Explanation explanation = Explanation.of(code);
        rule.add("shortDescription", text(explanation.title()));
        JsonObject help =
                text(explanation.title() + "\nRun `netc explain " + code.name() + "` for the explanation with a wrong "
                        + "and a right example (docs/diagnostics/" + code.name() + ".md).");
        help.addProperty("markdown", explanation.markdown());
        rule.add("help", help);
        JsonObject configuration = new JsonObject();
        configuration.addProperty("level", level(code.defaultSeverity()));
        rule.add("defaultConfiguration", configuration);
        return rule;
    }

    private static JsonObject result(Diagnostic diagnostic, int ruleIndex, Locations locations) {
        JsonObject result = new JsonObject();
        result.addProperty("ruleId", diagnostic.code().name());
        result.addProperty("ruleIndex", ruleIndex);
        result.addProperty("level", level(diagnostic.severity()));
        result.add("message", text(message(diagnostic)));
        JsonObject primary;
        if (diagnostic.primary() != null) {
            primary = location(diagnostic.primary(), locations);
            if (!diagnostic.primaryLabel().isEmpty()) {
                primary.add("message", text(diagnostic.primaryLabel()));
            }
        } else {
            primary = anchor(locations);
        }
        JsonArray locationArray = new JsonArray();
        locationArray.add(primary);
        result.add("locations", locationArray);
        JsonArray related = new JsonArray();
        for (Label label : diagnostic.labels()) {
            JsonObject location = location(label.span(), locations);
            location.addProperty("id", related.size());
            location.add("message", text(label.text()));
            related.add(location);
        }
        if (!related.isEmpty()) {
            result.add("relatedLocations", related);
        }
        JsonArray fixes = new JsonArray();
        diagnostic.fixes().forEach(fix -> fixes.add(fix(fix, locations)));
        if (!fixes.isEmpty()) {
            result.add("fixes", fixes);
        }
        return result;
    }

    /** The message, then its notes and help: SARIF viewers show one text per result. */
    private static String message(Diagnostic diagnostic) {
        StringBuilder message = new StringBuilder(diagnostic.message());
        diagnostic.notes().forEach(note -> message.append("\nnote: ").append(note));
        diagnostic.help().ifPresent(help -> message.append("\nhelp: ").append(help));
        return message.toString();
    }

    private static JsonObject fix(Fix fix, Locations locations) {
        JsonObject replacement = new JsonObject();
        replacement.add("deletedRegion", region(fix.span()));
        replacement.add("insertedContent", text(fix.replacement()));
        JsonArray replacements = new JsonArray();
        replacements.add(replacement);
        JsonObject change = new JsonObject();
        change.add("artifactLocation", artifact(locations.path(fix.span().file())));
        change.add("replacements", replacements);
        JsonArray changes = new JsonArray();
        changes.add(change);
        JsonObject json = new JsonObject();
        json.add("description", text(fix.title()));
        json.add("artifactChanges", changes);
        return json;
    }

    private static JsonObject location(Span span, Locations locations) {
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact(locations.path(span.file())));
        physical.add("region", region(span));
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        return location;
    }

    /**
     * Where a diagnostic without a position is shown: the first line of the first input (the
     * run names no input only when it has none to read, and then its first argument).
     */
    private static JsonObject anchor(Locations locations) {
        JsonObject region = new JsonObject();
        region.addProperty("startLine", 1);
        JsonObject physical = new JsonObject();
        physical.add("artifactLocation", artifact(locations.anchorPath() != null ? locations.anchorPath() : "."));
        physical.add("region", region);
        JsonObject location = new JsonObject();
        location.add("physicalLocation", physical);
        location.add("message", text("the problem has no position in a file; shown at the first input"));
        return location;
    }

    /**
     * Relative paths are relative to {@value #SOURCE_ROOT}; a file outside the working
     * directory (shown by its absolute path) gets a {@code file:} URI.
     */
    private static JsonObject artifact(String path) {
        JsonObject artifact = new JsonObject();
        if (path.startsWith("/")) {
            artifact.addProperty("uri", Path.of(path).toUri().toASCIIString());
        } else {
            artifact.addProperty("uri", relativeUri(path));
            artifact.addProperty("uriBaseId", SOURCE_ROOT);
        }
        return artifact;
    }

    private static JsonObject region(Span span) {
        Region region = Region.of(span);
        JsonObject json = new JsonObject();
        json.addProperty("startLine", region.startLine());
        json.addProperty("startColumn", region.startColumn());
        json.addProperty("endLine", region.endLine());
        json.addProperty("endColumn", region.endColumn());
        json.addProperty("charOffset", span.start());
        json.addProperty("charLength", span.end() - span.start());
        return json;
    }

    /**
     * A relative path as a URI reference: spaces and other reserved characters percent-encoded,
     * and a colon in the first segment escaped so it cannot read as a scheme.
     */
    static String relativeUri(String path) {
        try {
            String reference = new URI(null, null, path, null).toASCIIString();
            int colon = reference.indexOf(':');
            int slash = reference.indexOf('/');
            return colon >= 0 && (slash < 0 || colon < slash) ? "./" + reference : reference;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }

    private static JsonObject text(String text) {
        JsonObject message = new JsonObject();
        message.addProperty("text", text);
        return message;
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}

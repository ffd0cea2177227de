package dev.netc.diagnostics.format;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.netc.Version;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Fix;
import dev.netc.diagnostics.Label;
import dev.netc.source.Span;
import java.io.PrintWriter;

/**
 * One JSON document: {@code {"tool", "version", "diagnostics": [...], "summary": {...}}}. Each
 * diagnostic has its code, severity, message, location (absent for problems of the invocation
 * itself), label, related locations, notes, help and fixes. The layout is described in
 * docs/ci.md; fields are only ever added, never renamed.
 */
final class JsonFormat {
    private JsonFormat() {}

    static void write(DiagnosticReport report, PrintWriter out) {
        JsonObject root = new JsonObject();
        root.addProperty("tool", "netc");
        root.addProperty("version", Version.current());
        JsonArray diagnostics = new JsonArray();
        report.shown().forEach(d -> diagnostics.add(diagnostic(d, report.locations())));
        root.add("diagnostics", diagnostics);
        JsonObject summary = new JsonObject();
        summary.addProperty("errors", report.errors());
        summary.addProperty("warnings", report.warnings());
        summary.addProperty("notes", report.notes());
        summary.addProperty("files", report.files());
        summary.addProperty("omitted", report.omitted());
        summary.addProperty("failed", report.failed());
        root.add("summary", summary);
        out.println(new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(root));
    }

    private static JsonObject diagnostic(Diagnostic diagnostic, Locations locations) {
        JsonObject json = new JsonObject();
        json.addProperty("code", diagnostic.code().name());
        json.addProperty("severity", diagnostic.severity().label());
        json.addProperty("message", diagnostic.message());
        if (diagnostic.primary() != null) {
            json.add("location", location(diagnostic.primary(), locations));
        }
        if (!diagnostic.primaryLabel().isEmpty()) {
            json.addProperty("label", diagnostic.primaryLabel());
        }
        JsonArray related = new JsonArray();
        for (Label label : diagnostic.labels()) {
            JsonObject entry = new JsonObject();
            entry.add("location", location(label.span(), locations));
            entry.addProperty("message", label.text());
            related.add(entry);
        }
        json.add("related", related);
        JsonArray notes = new JsonArray();
        diagnostic.notes().forEach(notes::add);
        json.add("notes", notes);
        diagnostic.help().ifPresent(help -> json.addProperty("help", help));
        JsonArray fixes = new JsonArray();
        for (Fix fix : diagnostic.fixes()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("title", fix.title());
            entry.add("location", location(fix.span(), locations));
            entry.addProperty("replacement", fix.replacement());
            fixes.add(entry);
        }
        json.add("fixes", fixes);
        return json;
    }

    /** File, 1-based lines and columns (end exclusive, UTF-16 units), and 0-based character offsets. */
    private static JsonObject location(Span span, Locations locations) {
        Region region = Region.of(span);
        JsonObject json = new JsonObject();
        json.addProperty("file", locations.path(span.file()));
        json.addProperty("startLine", region.startLine());
        json.addProperty("startColumn", region.startColumn());
        json.addProperty("endLine", region.endLine());
        json.addProperty("endColumn", region.endColumn());
        json.addProperty("startOffset", span.start());
        json.addProperty("endOffset", span.end());
        return json;
    }
}

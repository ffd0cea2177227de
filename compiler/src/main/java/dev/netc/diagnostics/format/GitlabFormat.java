package dev.netc.diagnostics.format;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Severity;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * GitLab's code quality report (the Code Climate subset GitLab reads): a JSON array with one
 * issue per diagnostic, each with a description, the code as its check, a severity, the file
 * and line, and a fingerprint. GitLab compares the fingerprints of a merge request's report
 * with the target branch's to tell new findings from old ones, so a fingerprint leaves out the
 * line (moving a statement down does not make its finding new): it is a hash of the code, the
 * file and the message, and of how many identical ones came before it.
 */
final class GitlabFormat {
    private GitlabFormat() {}

    static void write(DiagnosticReport report, PrintWriter out) {
        JsonArray issues = new JsonArray();
        Map<String, Integer> seen = new HashMap<>();
        for (Diagnostic diagnostic : report.shown()) {
            String path = diagnostic.primary() != null
                    ? report.locations().path(diagnostic.primary().file())
                    : report.locations().anchorPath() != null
                            ? report.locations().anchorPath()
                            : ".";
            JsonObject lines = new JsonObject();
            lines.addProperty(
                    "begin", diagnostic.primary() != null ? diagnostic.primary().line() : 1);
            JsonObject location = new JsonObject();
            location.addProperty("path", path);
            location.add("lines", lines);
            JsonObject issue = new JsonObject();
            issue.addProperty("type", "issue");
            issue.addProperty("check_name", diagnostic.code().name());
            issue.addProperty("description", diagnostic.code().name() + ": " + diagnostic.message());
            issue.addProperty("severity", severity(diagnostic, report));
            issue.add("location", location);
            String identity = diagnostic.code().name() + "\u0000" + path + "\u0000" + diagnostic.message();
            int occurrence = seen.merge(identity, 1, Integer::sum);
            issue.addProperty("fingerprint", sha256(identity + "\u0000" + occurrence));
            issues.add(issue);
        }
        out.println(new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(issues));
    }

    /** GitLab's scale is info, minor, major, critical, blocker: what fails the run is major. */
    private static String severity(Diagnostic diagnostic, DiagnosticReport report) {
        return report.fails(diagnostic) ? "major" : diagnostic.severity() == Severity.WARNING ? "minor" : "info";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

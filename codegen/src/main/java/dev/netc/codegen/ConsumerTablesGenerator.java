package dev.netc.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ConsumerTables.java}: each checked-in table of consumer facts
 * ({@code src/main/catalogue/*.tsv}, every row citing the consumer's code) as a constant list of a
 * hand-written record with one {@code String} component per column, in the column order.
 *
 * <p>Arguments: output source directory, package, then one {@code TSV=Record=CONSTANT} per table.
 * A table's last column must be {@code source}, and every row's source must start with a citation
 * {@code owner/repo@commit path:line}; the build fails naming {@code file:line} otherwise.
 */
public final class ConsumerTablesGenerator {

    static final String CLASS_NAME = "ConsumerTables";
    private static final int ROWS_PER_METHOD = 50;
    /** {@code owner/repo@commit path:line} (or a release tag for the commit): a row's first citation. */
    static final Pattern CITATION = Pattern.compile("[\\w.-]+/[\\w.-]+@[\\w.+-]+ [^ ;]+:\\d+.*");

    /** One table: its file, the record its rows become, the constant that lists them. */
    record Table(Path tsv, String record, String constant, List<TsvReader.Row> rows, List<String> header) {}

    private ConsumerTablesGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: " + ConsumerTablesGenerator.class.getName()
                    + " OUTPUT_SOURCE_DIR PACKAGE TSV=Record=CONSTANT...");
        }
        List<Table> tables = new ArrayList<>();
        for (String spec : List.of(args).subList(2, args.length)) {
            tables.add(load(spec));
        }
        Path file = GeneratedSources.write(generate(tables, args[1]), Path.of(args[0]));
        System.out.println("netc-codegen: " + file + " (" + tables.size() + " consumer tables, "
                + tables.stream().mapToInt(t -> t.rows().size()).sum() + " rows)");
    }

    static Table load(String spec) throws IOException {
        String[] parts = spec.split("=");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected TSV=Record=CONSTANT, got " + spec);
        }
        Path tsv = Path.of(parts[0]);
        List<String> header = TsvReader.header(tsv);
        if (!header.get(header.size() - 1).equals("source")) {
            throw new CatalogueFormatException(tsv + ":1: the last column must be `source`, the citation of each row");
        }
        List<TsvReader.Row> rows = TsvReader.read(tsv, header);
        for (TsvReader.Row row : rows) {
            String source = row.field(header.size() - 1);
            if (!CITATION.matcher(source).matches()) {
                throw row.error("source '" + source + "' does not start with a citation owner/repo@commit path:line");
            }
        }
        return new Table(tsv, parts[1], parts[2], rows, header);
    }

    static JavaFile generate(List<Table> tables, String packageName) {
        TypeSpec.Builder type = GeneratedSources.publicFinalClass(CLASS_NAME, ConsumerTablesGenerator.class)
                .addJavadoc("The consumer facts netc checks its output against, one constant per table of\n"
                        + "{@code src/main/catalogue} (see SOURCES.md there); every row cites the consumer's code.\n")
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .build());
        for (Table table : tables) {
            ClassName record = ClassName.get(packageName, table.record());
            TypeName list = ParameterizedTypeName.get(ClassName.get(List.class), record);
            String method = lowerCamel(table.constant());
            type.addField(FieldSpec.builder(list, table.constant(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc(
                            "$L: $L rows.\n",
                            table.tsv().getFileName(),
                            table.rows().size())
                    .initializer("$N()", method)
                    .build());
            MethodSpec.Builder all = MethodSpec.methodBuilder(method)
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .returns(list)
                    .addStatement("$T rows = new $T<>()", list, ArrayList.class);
            List<TsvReader.Row> rows = table.rows();
            for (int start = 0, chunk = 0; start < rows.size(); start += ROWS_PER_METHOD, chunk++) {
                MethodSpec.Builder part = MethodSpec.methodBuilder(method + chunk)
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .addParameter(list, "rows");
                for (TsvReader.Row row : rows.subList(start, Math.min(start + ROWS_PER_METHOD, rows.size()))) {
                    CodeBlock arguments = row.fields().stream()
                            .map(f -> CodeBlock.of("$S", f))
                            .collect(CodeBlock.joining(", "));
                    part.addStatement("rows.add(new $T($L))", record, arguments);
                }
                type.addMethod(part.build());
                all.addStatement("$N(rows)", method + chunk);
            }
            type.addMethod(all.addStatement("return $T.unmodifiableList(rows)", Collections.class)
                    .build());
        }
        return GeneratedSources.fromTsv(
                packageName, type.build(), ConsumerTablesGenerator.class, "src/main/catalogue/*.tsv");
    }

    /** {@code KUBE_PROXY_FLAGS} → {@code kubeProxyFlags}. */
    static String lowerCamel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }
}

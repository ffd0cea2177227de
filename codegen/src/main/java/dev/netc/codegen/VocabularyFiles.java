package dev.netc.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of checked-in files that the vocabulary ({@link VocabularyData}) says, kept as goldens
 * are: the compiler's {@code GeneratedFilesTest} fails when a file differs from what the data says,
 * and {@code NETC_UPDATE_VOCABULARY=1 mvn test} rewrites it through {@link #update}.
 * <ul>
 *   <li>{@code editor-support/vim/syntax/netspec.vim}: the regions between {@code " BEGIN generated: ID}
 *       and {@code " END generated: ID} lines, {@code keywords} (the {@code syn keyword} lines) and
 *       {@code words} (the {@code syn match} lines of well-known words, property names and block kinds);</li>
 *   <li>{@code docs/language.md}: the regions between {@code <!-- BEGIN generated: KIND table ... -->} and
 *       {@code <!-- END generated: KIND table -->}, the table of each block {@code kinds.tsv} gives one;</li>
 *   <li>{@code editor-support/vscode/syntaxes/netspec.tmLanguage.json}, which JSON gives no comments: the
 *       word alternation {@code (a|b|c)} of named {@code match} patterns (the repository rules
 *       {@code keywords}, {@code block-kind}, {@code property-name} and {@code constant}), longest word first.</li>
 * </ul>
 * Everything else in the files is written by hand.
 */
public final class VocabularyFiles {
    public static final Path TEXTMATE = Path.of("editor-support", "vscode", "syntaxes", "netspec.tmLanguage.json");
    public static final Path VIM = Path.of("editor-support", "vim", "syntax", "netspec.vim");
    public static final Path LANGUAGE = Path.of("docs", "language.md");

    private static final String BEGIN = "BEGIN generated: ";
    private static final String END = "END generated: ";
    /** The first group of a TextMate pattern that is nothing but words separated by {@code |}. */
    private static final Pattern WORD_GROUP = Pattern.compile("\\(([a-z][a-z0-9-]*(?:\\|[a-z][a-z0-9-]*)*)\\)");
    /** The end of a vim pattern's word: no name character after it, as NAME in NetSpecLexer.g4. */
    private static final String VIM_WORD_END = "\\%([A-Za-z0-9_]\\|[-./]\\+[A-Za-z0-9_]\\)\\@!";
    /** The start of a statement, before a vim pattern's word. */
    private static final String VIM_STATEMENT_START = "\\%(\\%(^\\|[{;}]\\)\\s*\\)\\@<=";

    /** A generated word list of the TextMate grammar: the {@code occurrence}-th {@code "match"} of a repository rule. */
    record TextMateList(String rule, int occurrence, List<String> words) {}

    private VocabularyFiles() {}

    /** The files that differ from what the vocabulary says, each with what differs; empty when all agree. */
    public static List<String> differences(Path root, VocabularyData data) throws IOException {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<Path, String> file : expected(root, data).entrySet()) {
            String actual = read(root.resolve(file.getKey()));
            if (!actual.equals(file.getValue())) {
                differences.add(file.getKey() + ": " + firstDifference(actual, file.getValue()));
            }
        }
        return differences;
    }

    /** Rewrites the generated parts of the files that differ; returns those files. */
    public static List<Path> update(Path root, VocabularyData data) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> file : expected(root, data).entrySet()) {
            Path path = root.resolve(file.getKey());
            if (!read(path).equals(file.getValue())) {
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                written.add(file.getKey());
            }
        }
        return written;
    }

    /** Each file as it should be: its text now with the generated parts the vocabulary says. */
    static Map<Path, String> expected(Path root, VocabularyData data) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(TEXTMATE, withWordLists(TEXTMATE, read(root.resolve(TEXTMATE)), textMateLists(data)));
        files.put(VIM, withRegions(VIM, read(root.resolve(VIM)), vimRegions(data)));
        files.put(LANGUAGE, withRegions(LANGUAGE, read(root.resolve(LANGUAGE)), docsTables(data)));
        return files;
    }

    // ---- what the vocabulary says -----------------------------------------------------------------

    static List<TextMateList> textMateLists(VocabularyData data) {
        return List.of(
                new TextMateList("keywords", 1, longestFirst(keywords(data, false))),
                new TextMateList("keywords", 2, longestFirst(keywords(data, true))),
                new TextMateList("block-kind", 1, longestFirst(blockKinds(data))),
                new TextMateList("property-name", 1, longestFirst(propertyNames(data))),
                new TextMateList("constant", 2, longestFirst(highlightedWords(data))));
    }

    static Map<String, String> vimRegions(VocabularyData data) {
        StringBuilder keywords = new StringBuilder();
        for (String[] group : new String[][] {
            {"name", "netspecKeyword", " nextgroup=netspecDeclName,netspecDeclString skipwhite"},
            {"", "netspecKeyword", ""},
            {"selectors", "netspecKeyword", " nextgroup=netspecSelectors skipwhite"},
            {"flow", "netspecKeyword", " nextgroup=netspecFlow skipwhite"}
        }) {
            List<String> words = data.kinds().stream()
                    .filter(k -> k.keyword()
                            && !k.is().equals("operator")
                            && k.then().equals(group[0]))
                    .map(VocabularyData.Kind::kind)
                    .toList();
            if (!words.isEmpty()) {
                keywords.append("syn keyword ")
                        .append(group[1])
                        .append(' ')
                        .append(String.join(" ", words))
                        .append(group[2])
                        .append('\n');
            }
        }
        keywords.append("syn keyword netspecKeywordOperator ")
                .append(String.join(" ", keywords(data, true)))
                .append('\n');
        String words = "syn match netspecConstant /\\%([A-Za-z0-9_./-]\\)\\@<!" + vimAlternation(highlightedWords(data))
                + VIM_WORD_END + "/\n"
                + "syn match netspecProperty /" + VIM_STATEMENT_START + vimAlternation(propertyNames(data))
                + VIM_WORD_END + "/\n"
                + "syn match netspecBlockKind /" + VIM_STATEMENT_START + vimAlternation(blockKinds(data)) + VIM_WORD_END
                + "\\ze\\s*\\%(\\h[A-Za-z0-9_.\\/-]*\\s*\\|\"[^\"]*\"\\s*\\)\\={/\n";
        Map<String, String> regions = new LinkedHashMap<>();
        regions.put("keywords", keywords.toString());
        regions.put("words", words);
        return regions;
    }

    /** Each block's table in docs/language.md, between blank lines, by region id {@code KIND table}. */
    static Map<String, String> docsTables(VocabularyData data) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (VocabularyData.Kind kind : data.blocks()) {
            if (kind.table().isEmpty()) {
                continue;
            }
            StringBuilder table = new StringBuilder("\n");
            table.append(row(kind.table()));
            table.append("|---".repeat(kind.table().size())).append("|\n");
            for (VocabularyData.Member member : data.members(kind.kind())) {
                if (!member.documented()) {
                    continue;
                }
                String words = String.join(
                        ", ",
                        data.words(member).stream().map(w -> "`" + w + "`").toList());
                List<String> cells = new ArrayList<>();
                cells.add(member.docName().isEmpty() ? "`" + member.word() + "`" : member.docName());
                cells.add(member.docValue().replace("{words}", words));
                if (kind.table().size() == 4) {
                    cells.add(member.docDefault().replace("{words}", words));
                }
                cells.add(member.docMeaning().replace("{words}", words));
                table.append(row(cells));
            }
            tables.put(kind.kind() + " table", table.append('\n').toString());
        }
        return tables;
    }

    private static String row(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(cell.isEmpty() ? " " : " " + cell + " ").append('|');
        }
        return row.append('\n').toString();
    }

    /** The lexer's keywords: the operators ({@code except}, {@code in}, ...), or all others. */
    private static List<String> keywords(VocabularyData data, boolean operators) {
        return data.kinds().stream()
                .filter(k -> k.keyword() && k.is().equals("operator") == operators)
                .map(VocabularyData.Kind::kind)
                .toList();
    }

    /** Blocks whose kind is a NAME to the lexer ({@code canal}): the editors know them as block kinds. */
    private static List<String> blockKinds(VocabularyData data) {
        return data.kinds().stream()
                .filter(k -> k.isBlock() && !k.keyword())
                .map(VocabularyData.Kind::kind)
                .toList();
    }

    /** The property names that are NAMEs to the lexer (not {@code pods} and {@code port}). */
    private static List<String> propertyNames(VocabularyData data) {
        List<String> keywords = data.keywords();
        return data.propertyNames().stream()
                .filter(name -> !keywords.contains(name))
                .toList();
    }

    /** The words of every set the editors highlight, each once. */
    private static List<String> highlightedWords(VocabularyData data) {
        List<String> words = new ArrayList<>();
        for (VocabularyData.WordSet set : data.wordSets()) {
            if (set.editors()) {
                set.words().stream().filter(w -> !words.contains(w)).forEach(words::add);
            }
        }
        return words;
    }

    /** Longest first, then alphabetical: no word of a TextMate alternation stands before a longer one it starts. */
    private static List<String> longestFirst(List<String> words) {
        return words.stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static String vimAlternation(List<String> words) {
        return "\\%(" + String.join("\\|", words) + "\\)";
    }

    // ---- the files --------------------------------------------------------------------------------

    /** {@code text} with the lines between each region's markers replaced by the region's text. */
    static String withRegions(Path file, String text, Map<String, String> regions) {
        List<String> lines = List.of(text.split("\n", -1));
        StringBuilder out = new StringBuilder();
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            out.append(line);
            if (i + 1 < lines.size()) {
                out.append('\n');
            }
            String id = markerId(line, BEGIN);
            if (id == null) {
                continue;
            }
            if (!regions.containsKey(id)) {
                throw new CatalogueFormatException(
                        file + ":" + (i + 1) + ": the vocabulary generates no region `" + id + "`");
            }
            if (seen.contains(id)) {
                throw new CatalogueFormatException(file + ":" + (i + 1) + ": a second region `" + id + "`");
            }
            seen.add(id);
            int end = i + 1;
            while (end < lines.size() && !id.equals(markerId(lines.get(end), END))) {
                if (markerId(lines.get(end), BEGIN) != null) {
                    throw new CatalogueFormatException(
                            file + ":" + (end + 1) + ": a region begins inside region `" + id + "`");
                }
                end++;
            }
            if (end == lines.size()) {
                throw new CatalogueFormatException(
                        file + ":" + (i + 1) + ": region `" + id + "` has no `" + END + id + "` line");
            }
            out.append(regions.get(id));
            i = end - 1;
        }
        for (String id : regions.keySet()) {
            if (!seen.contains(id)) {
                throw new CatalogueFormatException(file + ": no region `" + id + "`: mark it with a `" + BEGIN + id
                        + "` and an `" + END + id + "` line");
            }
        }
        return out.toString();
    }

    /**
     * The region id of a marker line: what follows {@code BEGIN generated: } (or {@code END ...}) up to
     * {@code " ("} or the end of a comment; null when the line is no such marker.
     */
    static String markerId(String line, String marker) {
        int at = line.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String id = line.substring(at + marker.length());
        int cut = id.indexOf(" (");
        id = cut >= 0 ? id.substring(0, cut) : id;
        return id.endsWith("-->") ? id.substring(0, id.length() - 3).strip() : id.strip();
    }

    /** {@code text} with the word group of each list's pattern replaced by its words. */
    static String withWordLists(Path file, String text, List<TextMateList> lists) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        for (TextMateList list : lists) {
            int line = matchLine(file, lines, list);
            Matcher group = WORD_GROUP.matcher(lines.get(line));
            if (!group.find()) {
                throw new CatalogueFormatException(file + ":" + (line + 1)
                        + ": no word group `(a|b)` in the pattern of rule `" + list.rule() + "`");
            }
            String current = lines.get(line);
            lines.set(
                    line,
                    current.substring(0, group.start(1))
                            + String.join("|", list.words())
                            + current.substring(group.end(1)));
        }
        return String.join("\n", lines);
    }

    /** The index of the line of a list's {@code "match"}: inside the repository rule, the occurrence-th. */
    private static int matchLine(Path file, List<String> lines, TextMateList list) {
        int start = lines.indexOf("    \"" + list.rule() + "\": {");
        if (start < 0) {
            throw new CatalogueFormatException(file + ": no repository rule `" + list.rule() + "`");
        }
        int found = 0;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("    }"); i++) {
            if (lines.get(i).strip().startsWith("\"match\": \"") && ++found == list.occurrence()) {
                return i;
            }
        }
        throw new CatalogueFormatException(
                file + ":" + (start + 1) + ": rule `" + list.rule() + "` has no \"match\" number " + list.occurrence());
    }

    private static String firstDifference(String actual, String expected) {
        String[] a = actual.split("\n", -1);
        String[] e = expected.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, e.length); i++) {
            String left = i < a.length ? a[i] : "(end of file)";
            String right = i < e.length ? e[i] : "(end of file)";
            if (!left.equals(right)) {
                return "line " + (i + 1) + " is\n    " + left + "\n  but the vocabulary says\n    " + right;
            }
        }
        return "differs";
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

package dev.netc.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The netspec vocabulary as {@code compiler/src/main/vocabulary} describes it ({@code kinds.tsv},
 * {@code contents.tsv}, {@code words.tsv}; the format is in the README there), read and checked:
 * every reference resolves, every value parses. A row it cannot take fails with
 * {@link CatalogueFormatException}, naming {@code file:line}.
 *
 * <p>Read by {@link VocabularyGenerator} (the compiler's {@code NetspecVocabulary}), by
 * {@link VocabularyFiles} (the generated regions of the editor grammars and the docs), and by the
 * compiler's tests, which hold the compiler to it.
 */
public final class VocabularyData {
    static final List<String> KINDS_HEADER = List.of("kind", "is", "keyword", "then", "description", "home", "table");
    static final List<String> CONTENTS_HEADER = List.of(
            "block",
            "word",
            "is",
            "value",
            "repeatable",
            "required",
            "rke2",
            "rke2-note",
            "doc-name",
            "doc-value",
            "doc-default",
            "doc-meaning");
    static final List<String> WORDS_HEADER = List.of("set", "words", "editors", "meaning");

    /** A field that does not apply. */
    static final String NONE = "-";
    /** The top level of a file, as {@code kinds.tsv} and {@code contents.tsv} name it. */
    public static final String TOP = "top";

    /**
     * A row of {@code kinds.tsv}: a kind of block or statement, or a reserved word.
     *
     * @param is {@code top}, {@code block}, {@code statement} or {@code operator}
     * @param then what editors highlight after the keyword: {@code name}, {@code selectors}, {@code flow}, or empty
     * @param table the column titles of its table in docs/language.md; empty for none
     */
    public record Kind(
            String kind,
            String is,
            boolean keyword,
            String then,
            String description,
            String home,
            List<String> table,
            String where) {
        public boolean isBlock() {
            return is.equals("block");
        }

        public boolean isStatement() {
            return is.equals("statement");
        }
    }

    /**
     * What a property or label takes: {@code kind} is one of {@link #VALUE_KINDS}; {@code set} the
     * word set of {@code word}, {@code words} and {@code optional-words}; {@code min} and {@code max}
     * the bounds of {@code integer}.
     */
    public record ValueSpec(String kind, String set, long min, long max) {
        static final ValueSpec NOTHING = new ValueSpec("", "", 0, 0);
    }

    /** The kinds of value, as {@code contents.tsv} writes them (without a set or bounds). */
    public static final List<String> VALUE_KINDS = List.of(
            "name",
            "cidrs",
            "integer",
            "secret",
            "host",
            "address",
            "addresses",
            "text",
            "texts",
            "url",
            "path",
            "word",
            "words",
            "optional-words",
            "flag",
            "duration",
            "network",
            "interfaces",
            "named-ports");

    private static final Set<String> WITH_SET = Set.of("word", "words", "optional-words");

    /**
     * A row of {@code contents.tsv}: one thing a block holds. Text fields that do not apply are empty.
     *
     * @param block the block's kind, {@link #TOP} for the top level
     * @param is {@code label}, {@code property}, {@code block} or {@code statement}
     */
    public record Member(
            String block,
            String word,
            String is,
            ValueSpec value,
            boolean repeatable,
            boolean required,
            String rke2,
            String rke2Note,
            String docName,
            String docValue,
            String docDefault,
            String docMeaning,
            String where) {
        public boolean isLabel() {
            return is.equals("label");
        }

        public boolean isProperty() {
            return is.equals("property");
        }

        public boolean isBlock() {
            return is.equals("block");
        }

        public boolean isStatement() {
            return is.equals("statement");
        }

        /** Whether it is a row of its block's table in docs/language.md. */
        public boolean documented() {
            return !(docName + docValue + docDefault + docMeaning).isEmpty();
        }
    }

    /** A row of {@code words.tsv}: words a value may be. */
    public record WordSet(String name, List<String> words, boolean editors, String meaning, String where) {}

    private final List<Kind> kinds;
    private final List<Member> members;
    private final List<WordSet> wordSets;

    private VocabularyData(List<Kind> kinds, List<Member> members, List<WordSet> wordSets) {
        this.kinds = List.copyOf(kinds);
        this.members = List.copyOf(members);
        this.wordSets = List.copyOf(wordSets);
    }

    /** Reads {@code kinds.tsv}, {@code contents.tsv} and {@code words.tsv} of {@code directory}. */
    public static VocabularyData load(Path directory) throws IOException {
        Map<String, WordSet> sets = new LinkedHashMap<>();
        for (TsvReader.Row row : TsvReader.read(directory.resolve("words.tsv"), WORDS_HEADER)) {
            WordSet set = wordSet(row);
            if (sets.putIfAbsent(set.name(), set) != null) {
                throw row.error("word set '" + set.name() + "' is defined twice");
            }
        }
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (TsvReader.Row row : TsvReader.read(directory.resolve("kinds.tsv"), KINDS_HEADER)) {
            Kind kind = kind(row);
            if (kinds.putIfAbsent(kind.kind(), kind) != null) {
                throw row.error("kind '" + kind.kind() + "' is defined twice");
            }
        }
        List<Kind> tops =
                kinds.values().stream().filter(k -> k.is().equals("top")).toList();
        if (tops.size() != 1 || !tops.get(0).kind().equals(TOP)) {
            throw new CatalogueFormatException(
                    directory.resolve("kinds.tsv") + ":2: exactly one row must be `top`, of is `top`");
        }
        List<Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> usedSets = new HashSet<>();
        for (TsvReader.Row row : TsvReader.read(directory.resolve("contents.tsv"), CONTENTS_HEADER)) {
            Member member = member(row, kinds, sets);
            String key = member.block() + " " + member.is() + " " + (member.isLabel() ? "" : member.word());
            if (!seen.add(key)) {
                throw row.error(
                        member.isLabel()
                                ? "block '" + member.block() + "' has a second label"
                                : "block '" + member.block() + "' holds " + member.is() + " '" + member.word()
                                        + "' twice");
            }
            if (!member.rke2().isEmpty()
                    && members.stream().anyMatch(m -> m.rke2().equals(member.rke2()))) {
                throw row.error("rke2: another row writes RKE2 key '" + member.rke2() + "'");
            }
            usedSets.add(member.value().set());
            members.add(member);
        }
        for (Kind kind : kinds.values()) {
            if ((kind.isBlock() || kind.isStatement())
                    && members.stream()
                            .noneMatch(m -> m.is().equals(kind.is()) && m.word().equals(kind.kind()))) {
                throw new CatalogueFormatException(kind.where() + ": " + kind.is() + " '" + kind.kind()
                        + "' is in no block of contents.tsv: where may it be written?");
            }
        }
        for (WordSet set : sets.values()) {
            if (!usedSets.contains(set.name())) {
                throw new CatalogueFormatException(
                        set.where() + ": word set '" + set.name() + "' is the value of no row of contents.tsv");
            }
        }
        return new VocabularyData(List.copyOf(kinds.values()), members, List.copyOf(sets.values()));
    }

    private static WordSet wordSet(TsvReader.Row row) {
        String name = word(row, 0);
        List<String> words = new ArrayList<>();
        for (String word : row.field(1).split(" ", -1)) {
            if (!isWord(word)) {
                throw row.error("words: '" + word + "' is not a word (letters, digits, `-`; one space between words)");
            }
            if (words.contains(word)) {
                throw row.error("words: '" + word + "' is listed twice");
            }
            words.add(word);
        }
        return new WordSet(name, List.copyOf(words), yesNo(row, 2), text(row, 3, true), row.where());
    }

    private static Kind kind(TsvReader.Row row) {
        String kind = word(row, 0);
        String is = oneOf(row, 1, List.of("top", "block", "statement", "operator"));
        boolean keyword = yesNo(row, 2);
        String then = oneOf(row, 3, List.of(NONE, "name", "selectors", "flow"));
        if (!keyword && !then.equals(NONE)) {
            throw row.error("then: only a keyword has something the editors highlight after it");
        }
        boolean operator = is.equals("operator");
        boolean top = is.equals("top");
        String description = text(row, 4, !operator);
        String home = text(row, 5, !operator && !top);
        if (operator && !keyword) {
            throw row.error("keyword: an operator is a keyword of the lexer");
        }
        if (top && keyword) {
            throw row.error("keyword: the top level is no word of the language");
        }
        List<String> table = List.of();
        if (!row.field(6).equals(NONE)) {
            if (!is.equals("block")) {
                throw row.error("table: only a block has a table in the docs");
            }
            table = List.of(row.field(6).split("\\|", -1));
            if ((table.size() != 3 && table.size() != 4)
                    || table.stream().anyMatch(t -> t.isEmpty() || !t.equals(t.strip()))) {
                throw row.error(
                        "table: three or four column titles separated by `|` (name, value, [default,] meaning)");
            }
        }
        return new Kind(kind, is, keyword, then.equals(NONE) ? "" : then, description, home, table, row.where());
    }

    private static Member member(TsvReader.Row row, Map<String, Kind> kinds, Map<String, WordSet> sets) {
        String blockName = row.field(0);
        Kind block = kinds.get(blockName);
        if (block == null || !(block.isBlock() || block.is().equals("top"))) {
            throw row.error("block: '" + blockName + "' is no block of kinds.tsv");
        }
        String is = oneOf(row, 2, List.of("label", "property", "block", "statement"));
        String word = row.field(1);
        if (is.equals("label")) {
            if (!word.matches("[A-Z][A-Z0-9-]*")) {
                throw row.error("word: a label's word is a placeholder in capitals, such as NAME");
            }
            if (blockName.equals(TOP)) {
                throw row.error("is: the top level has no label");
            }
        } else if (!isWord(word)) {
            throw row.error("word: '" + word + "' is not a word of the language (letters, digits and `-`)");
        }
        if (is.equals("block") || is.equals("statement")) {
            Kind kind = kinds.get(word);
            if (kind == null || !kind.is().equals(is)) {
                throw row.error("word: '" + word + "' is no " + is + " of kinds.tsv");
            }
        }
        ValueSpec value = value(row, is.equals("label") || is.equals("property"), sets);
        boolean repeatable = yesNo(row, 4);
        boolean required = yesNo(row, 5);
        if (is.equals("label") && repeatable) {
            throw row.error("repeatable: a block has one label");
        }
        String rke2 = text(row, 6, false);
        String rke2Note = text(row, 7, false);
        if (!rke2.isEmpty() && !is.equals("property")) {
            throw row.error("rke2: only a property is written to an RKE2 key");
        }
        if (rke2.isEmpty() && !rke2Note.isEmpty()) {
            throw row.error("rke2-note: there is no rke2 key to say it of");
        }
        String docName = text(row, 8, false);
        String docValue = text(row, 9, false);
        String docDefault = text(row, 10, false);
        String docMeaning = text(row, 11, false);
        boolean documented = !(docName + docValue + docDefault + docMeaning).isEmpty();
        if (documented && block.table().isEmpty()) {
            throw row.error("doc-: kinds.tsv gives block '" + blockName + "' no table in the docs");
        }
        if (!docDefault.isEmpty() && block.table().size() == 3) {
            throw row.error("doc-default: the table of block '" + blockName + "' has no default column");
        }
        if ((docValue + docDefault + docMeaning).contains("{words}")
                && value.set().isEmpty()) {
            throw row.error("doc-: {words} stands for the words of a set, and the value has none");
        }
        return new Member(
                blockName,
                word,
                is,
                value,
                repeatable,
                required,
                rke2,
                rke2Note,
                docName,
                docValue,
                docDefault,
                docMeaning,
                row.where());
    }

    private static ValueSpec value(TsvReader.Row row, boolean takesValue, Map<String, WordSet> sets) {
        String text = row.field(3);
        if (!takesValue) {
            if (!text.equals(NONE)) {
                throw row.error("value: only a label or a property takes a value");
            }
            return ValueSpec.NOTHING;
        }
        String[] parts = text.split(" ", -1);
        String kind = parts[0];
        if (!VALUE_KINDS.contains(kind)) {
            throw row.error("value: '" + kind + "' is none of " + String.join(", ", VALUE_KINDS));
        }
        if (WITH_SET.contains(kind)) {
            if (parts.length != 2 || !sets.containsKey(parts[1])) {
                throw row.error("value: `" + kind + " SET` names a set of words.tsv");
            }
            return new ValueSpec(kind, parts[1], 0, 0);
        }
        if (kind.equals("integer")) {
            String[] bounds = parts.length == 2 ? parts[1].split("\\.\\.", -1) : new String[0];
            try {
                long min = bounds.length == 2 ? Long.parseLong(bounds[0]) : 1;
                long max = bounds.length == 2 ? Long.parseLong(bounds[1]) : 0;
                if (min <= max) {
                    return new ValueSpec(kind, "", min, max);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw row.error("value: `integer MIN..MAX` with whole numbers MIN <= MAX");
        }
        if (parts.length != 1) {
            throw row.error("value: '" + kind + "' takes nothing after it");
        }
        return new ValueSpec(kind, "", 0, 0);
    }

    private static String word(TsvReader.Row row, int index) {
        String word = row.field(index);
        if (!isWord(word)) {
            throw row.error("field " + (index + 1) + ": '" + word
                    + "' is not a word of the language (letters, digits and `-`)");
        }
        return word;
    }

    static boolean isWord(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0)) || text.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean yesNo(TsvReader.Row row, int index) {
        return oneOf(row, index, List.of("yes", "no")).equals("yes");
    }

    private static String oneOf(TsvReader.Row row, int index, List<String> allowed) {
        String value = row.field(index);
        if (!allowed.contains(value)) {
            throw row.error("field " + (index + 1) + ": '" + value + "' is none of " + String.join(", ", allowed));
        }
        return value;
    }

    /** A text field: `-` for none (returned empty) where {@code required} is false; never empty. */
    private static String text(TsvReader.Row row, int index, boolean required) {
        String value = row.field(index);
        if (value.isEmpty()) {
            throw row.error("field " + (index + 1) + " is empty: write `-` where it does not apply");
        }
        if (value.equals(NONE)) {
            if (required) {
                throw row.error("field " + (index + 1) + " is required here");
            }
            return "";
        }
        return value;
    }

    // ---- the vocabulary, read --------------------------------------------------------------------

    /** Every row of {@code kinds.tsv}, in file order. */
    public List<Kind> kinds() {
        return kinds;
    }

    /** Every row of {@code contents.tsv}, in file order. */
    public List<Member> members() {
        return members;
    }

    /** Every row of {@code words.tsv}, in file order. */
    public List<WordSet> wordSets() {
        return wordSets;
    }

    public Optional<Kind> kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst();
    }

    /** The top level first, then the blocks in the order of {@code kinds.tsv}. */
    public List<Kind> blocks() {
        return kinds.stream().filter(k -> k.is().equals("top") || k.isBlock()).toList();
    }

    /** The kinds that are statements of their own syntax, in the order of {@code kinds.tsv}. */
    public List<Kind> statements() {
        return kinds.stream().filter(Kind::isStatement).toList();
    }

    /** What {@code block} holds, in file order. */
    public List<Member> members(String block) {
        return members.stream().filter(m -> m.block().equals(block)).toList();
    }

    /** The label of {@code block}, if it has one. */
    public Optional<Member> label(String block) {
        return members(block).stream().filter(Member::isLabel).findFirst();
    }

    public WordSet wordSet(String name) {
        return wordSets.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no word set " + name));
    }

    /** The words of {@code member}'s value: its set's, or none. */
    public List<String> words(Member member) {
        return member.value().set().isEmpty()
                ? List.of()
                : wordSet(member.value().set()).words();
    }

    /** The keywords of the lexer, in its order. */
    public List<String> keywords() {
        return kinds.stream().filter(Kind::keyword).map(Kind::kind).toList();
    }

    /** The words that start a statement in {@code block}, in completion order, each once. */
    public List<String> completions(String block) {
        List<String> words = new ArrayList<>();
        for (Member member : members(block)) {
            if (!member.isLabel() && !words.contains(member.word())) {
                words.add(member.word());
            }
        }
        return words;
    }

    /** The words {@code kind} of member (property, block, statement) of {@code block}, in file order. */
    public List<String> words(String block, String is) {
        return members(block).stream()
                .filter(m -> m.is().equals(is))
                .map(Member::word)
                .toList();
    }

    /** Every property name of every block, in file order, each once. */
    public List<String> propertyNames() {
        List<String> names = new ArrayList<>();
        for (Member member : members) {
            if (member.isProperty() && !names.contains(member.word())) {
                names.add(member.word());
            }
        }
        return names;
    }
}

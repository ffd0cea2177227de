package dev.netc.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.grammar.NetSpecLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The editor grammars in {@code editor-support/} must know exactly the keywords of
 * {@code NetSpecLexer.g4}: the words the TextMate grammar scopes {@code keyword.*} and the words of
 * the vim syntax file's {@code syn keyword} lines are the lexer's keyword tokens, no more, no less.
 * Property names, block kinds and well-known words are plain NAMEs to the lexer: both editors list
 * them separately, the same in both, and never a keyword among them.
 *
 * <p>The lists themselves are generated from {@code src/main/vocabulary} ({@code GeneratedFilesTest});
 * this test reads the grammars as the editors do, so it also holds the hand-written rules (the
 * TextMate rules for declarations, selectors, flows and {@code rke2}, which scope keywords too).
 */
class EditorKeywordsTest {
    // Maven runs the tests of a module with the module folder as working directory
    private static final Path EDITOR_SUPPORT = Path.of("..", "editor-support");
    private static final Path TEXTMATE =
            EDITOR_SUPPORT.resolve(Path.of("vscode", "syntaxes", "netspec.tmLanguage.json"));
    private static final Path VIM_SYNTAX = EDITOR_SUPPORT.resolve(Path.of("vim", "syntax", "netspec.vim"));

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern WORDS = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(?:\\|[A-Za-z][A-Za-z0-9_-]*)*");

    private static Set<String> keywords;
    private static Map<String, Object> textMate;
    private static List<String> vimLines;

    @BeforeAll
    static void load() throws IOException {
        keywords = lexerKeywords();
        // JSON is YAML: snakeyaml-engine (already a compiler dependency) reads the grammar
        Object grammar = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(TEXTMATE, StandardCharsets.UTF_8));
        textMate = map(grammar);
        vimLines = joinContinuations(Files.readAllLines(VIM_SYNTAX, StandardCharsets.UTF_8));
    }

    @Test
    void theLexerHasKeywords() {
        assertThat(keywords).as("keyword tokens of NetSpecLexer").contains("network", "allow", "except", "in", "notin");
    }

    @Test
    void textMateScopesExactlyTheLexerKeywordsAsKeywords() {
        Set<String> scoped = new TreeSet<>();
        walkRules(textMate, rule -> scoped.addAll(wordsScoped(rule, scope -> scope.startsWith("keyword."))));
        assertThat(scoped)
                .as("words that %s scopes keyword.* (must be the keywords of NetSpecLexer.g4)", TEXTMATE)
                .containsExactlyInAnyOrderElementsOf(keywords);
    }

    @Test
    void textMateFallbackKeywordRuleListsEveryKeyword() {
        Map<String, Object> rule = repositoryRule("keywords");
        Set<String> words = new TreeSet<>();
        walkRules(rule, r -> words.addAll(wordsScoped(r, scope -> scope.startsWith("keyword."))));
        assertThat(words)
                .as("the words of the repository rule `keywords` in %s, which highlights a keyword anywhere", TEXTMATE)
                .containsExactlyInAnyOrderElementsOf(keywords);
    }

    @Test
    void vimSynKeywordListsAreExactlyTheLexerKeywords() {
        Set<String> words = new TreeSet<>();
        Pattern synKeyword = Pattern.compile("^\\s*syn(?:tax)?\\s+keyword\\s+(\\S+)\\s+(.*)$");
        for (String line : vimLines) {
            Matcher m = synKeyword.matcher(line);
            if (!m.matches()) {
                continue;
            }
            for (String token : m.group(2).trim().split("\\s+")) {
                if (token.startsWith("\"")) {
                    break; // a trailing comment
                }
                if (isSynOption(token)) {
                    continue;
                }
                assertThat(token).as("a `syn keyword` word in %s", VIM_SYNTAX).matches(WORD);
                words.add(token);
            }
        }
        assertThat(words)
                .as("the words of every `syn keyword` line in %s (must be the keywords of NetSpecLexer.g4)", VIM_SYNTAX)
                .containsExactlyInAnyOrderElementsOf(keywords);
    }

    @Test
    void propertyNamesAreTheSameInBothEditorsAndNeverKeywords() {
        Set<String> textMateProperties = captureWords(repositoryRule("property-name"), 1);
        Set<String> vimProperties = vimMatchWords("netspecProperty");
        assertThat(textMateProperties)
                .as("property names in %s", TEXTMATE)
                .isNotEmpty()
                .doesNotContainAnyElementsOf(keywords);
        assertThat(vimProperties)
                .as("property names in %s", VIM_SYNTAX)
                .containsExactlyInAnyOrderElementsOf(textMateProperties);
    }

    @Test
    void blockKindsAreTheSameInBothEditorsAndNeverKeywords() {
        Set<String> textMateBlocks = captureWords(repositoryRule("block-kind"), 1);
        Set<String> vimBlocks = vimMatchWords("netspecBlockKind");
        assertThat(textMateBlocks)
                .as("block kinds in %s", TEXTMATE)
                .contains("canal", "kube-proxy")
                .doesNotContainAnyElementsOf(keywords);
        assertThat(vimBlocks).as("block kinds in %s", VIM_SYNTAX).containsExactlyInAnyOrderElementsOf(textMateBlocks);
    }

    @Test
    void wellKnownWordsAreTheSameInBothEditorsAndNeverKeywords() {
        Set<String> textMateWords = new TreeSet<>();
        walkRules(repositoryRule("constant"), r -> textMateWords.addAll(wordsScoped(r, scope -> true)));
        Set<String> vimWords = new TreeSet<>(vimMatchWords("netspecConstant"));
        vimWords.addAll(vimMatchWords("netspecBoolean"));
        assertThat(textMateWords)
                .as("well-known words in %s", TEXTMATE)
                .contains("ingress", "on", "true")
                .doesNotContainAnyElementsOf(keywords);
        assertThat(vimWords)
                .as("well-known words in %s", VIM_SYNTAX)
                .containsExactlyInAnyOrderElementsOf(textMateWords);
    }

    // ---- the lexer ----------------------------------------------------------------------------

    /** Keyword tokens: those whose literal name is a word, such as {@code 'import'}. */
    private static Set<String> lexerKeywords() {
        Vocabulary vocabulary = NetSpecLexer.VOCABULARY;
        Set<String> words = new TreeSet<>();
        for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
            String literal = vocabulary.getLiteralName(type);
            if (literal != null && literal.length() > 2) {
                String text = literal.substring(1, literal.length() - 1);
                if (WORD.matcher(text).matches()) {
                    words.add(text);
                }
            }
        }
        return words;
    }

    // ---- TextMate -----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> repositoryRule(String name) {
        Map<String, Object> repository = map(textMate.get("repository"));
        assertThat(repository).as("repository of %s", TEXTMATE).containsKey(name);
        return map(repository.get(name));
    }

    /** Visits every rule: the grammar, its repository, nested patterns and capture patterns. */
    private static void walkRules(Object node, java.util.function.Consumer<Map<String, Object>> visitor) {
        if (node instanceof Map<?, ?> raw) {
            Map<String, Object> rule = map(raw);
            visitor.accept(rule);
            for (Object value : rule.values()) {
                walkRules(value, visitor);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> walkRules(item, visitor));
        }
    }

    /**
     * The words a rule gives a scope that {@code wanted} accepts: every word alternation of its
     * {@code match} when the rule's {@code name} is wanted, and the word alternation of each capture
     * group whose capture name is wanted.
     */
    private static Set<String> wordsScoped(Map<String, Object> rule, Predicate<String> wanted) {
        Set<String> words = new TreeSet<>();
        if (rule.get("match") instanceof String match && rule.get("name") instanceof String name && wanted.test(name)) {
            for (Group group : groups(match)) {
                words.addAll(group.words());
            }
        }
        for (String[] keys :
                new String[][] {{"match", "captures"}, {"begin", "beginCaptures"}, {"end", "endCaptures"}}) {
            if (rule.get(keys[0]) instanceof String regex && rule.get(keys[1]) instanceof Map<?, ?> captures) {
                List<Group> capturing =
                        groups(regex).stream().filter(Group::capturing).toList();
                for (Map.Entry<?, ?> capture : captures.entrySet()) {
                    int number = Integer.parseInt(String.valueOf(capture.getKey()));
                    if (map(capture.getValue()).get("name") instanceof String name && wanted.test(name) && number > 0) {
                        assertThat(number).as("capture %s of %s", number, regex).isLessThanOrEqualTo(capturing.size());
                        Group group = capturing.get(number - 1);
                        words.addAll(group.words());
                        groups(group.content()).forEach(inner -> words.addAll(inner.words()));
                    }
                }
            }
        }
        return words;
    }

    private static Set<String> captureWords(Map<String, Object> rule, int number) {
        assertThat(rule.get("match")).as("match of %s", rule).isInstanceOf(String.class);
        List<Group> capturing = groups((String) rule.get("match")).stream()
                .filter(Group::capturing)
                .toList();
        return new TreeSet<>(capturing.get(number - 1).words());
    }

    /** A parenthesised group of a regex; content is what is inside, after any {@code ?:}. */
    private record Group(boolean capturing, boolean lookaround, String content) {
        List<String> words() {
            return !lookaround && WORDS.matcher(content).matches() ? List.of(content.split("\\|")) : List.of();
        }
    }

    /** The groups of an Oniguruma regex in the order of their opening parenthesis. */
    private static List<Group> groups(String regex) {
        List<int[]> opened = new ArrayList<>(); // {index of '(', index of content}
        Map<Integer, Group> byStart = new LinkedHashMap<>();
        Deque<int[]> stack = new ArrayDeque<>();
        List<Integer> order = new ArrayList<>();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '(') {
                int[] open = {i, i + 1};
                stack.push(open);
                opened.add(open);
                order.add(i);
            } else if (c == ')' && !stack.isEmpty()) {
                int[] open = stack.pop();
                String inside = regex.substring(open[1], i);
                boolean capturing = !inside.startsWith("?");
                boolean lookaround = inside.startsWith("?=")
                        || inside.startsWith("?!")
                        || inside.startsWith("?<=")
                        || inside.startsWith("?<!");
                String content = inside.startsWith("?:") ? inside.substring(2) : inside;
                byStart.put(open[0], new Group(capturing, lookaround, content));
            }
        }
        assertThat(stack).as("balanced parentheses in %s", regex).isEmpty();
        return order.stream().map(byStart::get).toList();
    }

    // ---- vim ------------------------------------------------------------------------------------

    private static List<String> joinContinuations(List<String> lines) {
        List<String> joined = new ArrayList<>();
        for (String line : lines) {
            if (line.matches("^\\s*\\\\.*") && !joined.isEmpty()) {
                String continued = line.replaceFirst("^\\s*\\\\", "");
                joined.set(joined.size() - 1, joined.get(joined.size() - 1) + continued);
            } else {
                joined.add(line);
            }
        }
        return joined;
    }

    private static boolean isSynOption(String token) {
        return token.contains("=")
                || Set.of(
                                "contained",
                                "skipwhite",
                                "skipnl",
                                "skipempty",
                                "transparent",
                                "display",
                                "conceal",
                                "extend",
                                "fold",
                                "oneline",
                                "keepend",
                                "excludenl")
                        .contains(token);
    }

    /** A vim pattern up to its closing delimiter, which may appear unescaped inside {@code [...]}. */
    private static String vimPattern(String text, char delimiter) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '[') {
                int j = i + 1;
                if (j < text.length() && text.charAt(j) == '^') {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == ']') {
                    j++;
                }
                while (j < text.length() && text.charAt(j) != ']') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == delimiter) {
                return text.substring(0, i);
            } else {
                i++;
            }
        }
        throw new AssertionError("no closing " + delimiter + " in " + text);
    }

    /** The words of the alternations {@code \%(a\|b\)} in the pattern of {@code syn match group}. */
    private static Set<String> vimMatchWords(String group) {
        Pattern synMatch = Pattern.compile("^\\s*syn(?:tax)?\\s+match\\s+" + Pattern.quote(group) + "\\s+(.)(.*)$");
        Pattern alternation =
                Pattern.compile("\\\\%\\(([A-Za-z][A-Za-z0-9_-]*(?:\\\\\\|[A-Za-z][A-Za-z0-9_-]*)+)\\\\\\)");
        Set<String> words = new TreeSet<>();
        int lines = 0;
        for (String line : vimLines) {
            Matcher m = synMatch.matcher(line);
            if (!m.matches()) {
                continue;
            }
            lines++;
            String pattern = vimPattern(m.group(2), m.group(1).charAt(0));
            Matcher alternatives = alternation.matcher(pattern);
            while (alternatives.find()) {
                words.addAll(List.of(alternatives.group(1).split("\\\\\\|")));
            }
        }
        assertThat(lines).as("`syn match %s` lines in %s", group, VIM_SYNTAX).isPositive();
        return words;
    }
}

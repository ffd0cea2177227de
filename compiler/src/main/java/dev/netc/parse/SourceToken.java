package dev.netc.parse;

/**
 * A token of a source file in the language's own terms, for the formatter and the editor
 * support (which must not see ANTLR types). Comments are tokens; white space is not, but what
 * preceded each token is kept: how many line breaks and how wide a gap.
 *
 * @param start code point offset of the first character, as in {@link dev.netc.source.Span}
 * @param line 1-based line of the first character
 * @param column 0-based column of the first character, in code points
 * @param newlinesBefore line breaks in the white space just before the token
 * @param gapBefore width of the white space just before the token on its own line
 * @param role what the parser made of the token; {@link Role#PLAIN} when the file was only lexed
 * @param startsStatement true for the first token of a statement or of an {@code rke2} entry
 */
public record SourceToken(
        Kind kind,
        String text,
        int start,
        int line,
        int column,
        int newlinesBefore,
        int gapBefore,
        Role role,
        boolean startsStatement) {

    /** The kinds of token; declaration keywords are names here, as the parser also takes them as names. */
    public enum Kind {
        NAME,
        RESERVED,
        STRING,
        NUMBER,
        DURATION,
        PORT,
        ADDRESS,
        ARROW,
        NEQ,
        LBRACE,
        RBRACE,
        LPAREN,
        RPAREN,
        LBRACKET,
        RBRACKET,
        COMMA,
        SEMI,
        COLON,
        DOT,
        STAR,
        EQ,
        BANG,
        LINE_COMMENT,
        BLOCK_COMMENT,
        ERROR
    }

    /** What a punctuation token means where it stands, when that changes how it is laid out. */
    public enum Role {
        PLAIN,
        /** the braces of a block: {@code tier web { ... }}, {@code rke2 { ... }} */
        BLOCK,
        /** the braces of a list in a flow: {@code {a, b} -> c:{http, 80/tcp}} */
        SET,
        /** {@code :} before a flow's ports */
        FLOW_PORTS,
        /** {@code =} and {@code !=} in a label selector: {@code tier=web} */
        SELECTOR,
        /** {@code (} of a call: {@code env("TOKEN")} */
        CALL
    }

    public boolean isComment() {
        return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }

    /** The offset just after the token, in code points. */
    public int end() {
        return start + text.codePointCount(0, text.length());
    }
}

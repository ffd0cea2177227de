/*
 * Tokens of the .netspec language.
 *
 * Declaration words are keywords, but the parser also accepts them as names (see
 * `identifier` in NetSpecParser.g4), so a tier may be called `node` or a label `tier`.
 * Property names such as `cidr` or `mtu` are plain NAMEs: the compiler knows which
 * properties each block takes and reports unknown ones with a suggestion.
 */
lexer grammar NetSpecLexer;

@members {
    /** The DFA every lexer shares: netc fills it from the build's snapshot before it reads its first file (dev.netc.parse.DfaSnapshotReader). */
    public static org.antlr.v4.runtime.dfa.DFA[] sharedDfa() {
        return _decisionToDFA;
    }
}

// ---- keywords (declarations) -------------------------------------------------------
IMPORT    : 'import';
PARAM     : 'param';
NETWORK   : 'network';
CLUSTER   : 'cluster';
NODE      : 'node';
NAMESPACE : 'namespace';
TIER      : 'tier';
EXTERNAL  : 'external';
PORT      : 'port';
PODS      : 'pods';
LABELS    : 'labels';
RKE2      : 'rke2';
ALLOW     : 'allow';
// what must (`expect allow`) or must not (`expect deny`) be reachable, proved on the emitted policies
EXPECT    : 'expect';
EXCEPT    : 'except';
IN        : 'in';
NOTIN     : 'notin';
// flow ends of their own: the pods of namespaces chosen by labels, and everyone
NAMESPACES : 'namespaces';
EVERYONE   : 'everyone';

// ---- punctuation -----------------------------------------------------------------
ARROW    : '->';
NEQ      : '!=';
LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
SEMI     : ';';
COLON    : ':';
DOT      : '.';
STAR     : '*';
EQ       : '=';
BANG     : '!';

// ---- literals --------------------------------------------------------------------
// 80/tcp, 8000-8100/tcp, 53/udp: a port or port range with its protocol, one token so
// that `/` never has to be disambiguated from the CIDR slash.
PORT_SPEC : DIGITS ('-' DIGITS)? '/' [a-zA-Z]+;

// 10.0.1.0/24 or 10.0.1.10: the compiler checks octets and prefix.
IPV4 : DIGITS '.' DIGITS '.' DIGITS '.' DIGITS ('/' DIGITS)?;

// fd00:42::/56, ::/0, 2001:db8:0:0:0:0:0:1. An IPv6 token needs `::` or all eight
// groups, so `tier:port` pairs whose names happen to be hex words stay two names.
IPV6
    : ( (HEX16 ':')* HEX16? '::' (HEX16 (':' HEX16)*)?
      | HEX16 ':' HEX16 ':' HEX16 ':' HEX16 ':' HEX16 ':' HEX16 ':' HEX16 ':' HEX16
      ) ('/' DIGITS)?
    ;

// 30s, 5m, 1h30m, 250ms
DURATION : (DIGITS ('ms' | 'h' | 'm' | 's'))+;

NUMBER : DIGITS;

STRING : '"' (STRING_ESCAPE | ~["\\\r\n])* '"';

// Names may hold `-`, `.` and `/` inside (store-12, app.frontend, app.kubernetes.io/name)
// but never end with them, so `frontend->backend` and `app.*` still split as expected.
NAME : [a-zA-Z_] ([a-zA-Z0-9_./-]* [a-zA-Z0-9_])?;

// ---- trivia ----------------------------------------------------------------------
LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
WS            : [ \t\r\n\f\uFEFF]+ -> channel(HIDDEN);

// ---- tokens that only exist to give precise syntax errors ------------------------
// `*/tcp` for every TCP port, where netspec writes `tcp`.
STAR_PORT            : '*/' [a-zA-Z]+;
// `# ...` is YAML's comment; netspec uses `//`.
HASH_COMMENT         : '#' ~[\r\n]*;
UNTERMINATED_STRING  : '"' (STRING_ESCAPE | ~["\\\r\n])*;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* EOF;
ERROR_CHAR           : .;

fragment DIGITS        : [0-9]+;
fragment HEX16         : [0-9a-fA-F]+;
fragment STRING_ESCAPE : '\\' .;

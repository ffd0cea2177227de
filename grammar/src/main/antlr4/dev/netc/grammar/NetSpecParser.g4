/*
 * Syntax of .netspec files.
 *
 * The grammar is deliberately permissive about *where* a statement appears (a `tier`
 * outside a namespace still parses): the compiler then says precisely what belongs where,
 * which gives far better messages than a parser error. Statements need no separator;
 * `;` is allowed. The one layout rule: a property's values start on the property's line.
 */
parser grammar NetSpecParser;

options { tokenVocab = NetSpecLexer; }

@members {
    /** The prediction DFA every parser shares: netc fills it from the build's snapshot before it reads its first file (dev.netc.parse.DfaSnapshotReader). */
    public static org.antlr.v4.runtime.dfa.DFA[] sharedDfa() {
        return _decisionToDFA;
    }

    /** True when the next token starts on the line where the previous token ended. */
    private boolean sameLine() {
        org.antlr.v4.runtime.Token previous = _input.LT(-1);
        org.antlr.v4.runtime.Token next = _input.LT(1);
        if (previous == null || next == null) {
            return false;
        }
        // a plain loop, not a stream: this runs during prediction, and a cold stream pipeline
        // made the first parse of every run about 7 ms slower
        int previousEndLine = previous.getLine();
        String text = previous.getText();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                previousEndLine++;
            }
        }
        return next.getLine() == previousEndLine;
    }
}

specFile : statement* EOF;

statement
    : IMPORT path=STRING                                                   # importStatement
    | PARAM name=identifier COLON type=identifier (EQ defaultValue=value)?   # paramStatement
    | EXTERNAL name=identifier EQ include=addressList (EXCEPT exclude=addressList)?  # externalStatement
    | PORT name=identifier EQ portList                                      # portConstantStatement
    | ALLOW side=identifier? flow                                           # allowStatement
    | EXPECT verdict=expectVerdict flow                                     # expectStatement
    | PODS selectorList                                                     # podsStatement
    | LABELS selectorList                                                   # labelsStatement
    | RKE2 LBRACE rke2Entry* RBRACE                                         # rke2Statement
    | kind=identifier label=blockLabel? LBRACE statement* RBRACE            # blockStatement
    | key=identifier ({sameLine()}? valueGroup (COMMA valueGroup)*)?        # propertyStatement
    | SEMI                                                                  # emptyStatement
    ;

blockLabel : identifier | STRING;

// One group is the values of one list item: `interface eth0 10.0.1.10 on mgmt`.
valueGroup : value ({sameLine()}? value)*;

value
    : function=identifier LPAREN argument=value RPAREN   # callValue
    | LBRACKET (value (COMMA value)* COMMA?)? RBRACKET     # listValue
    | STRING                                               # stringValue
    | NUMBER                                               # numberValue
    | DURATION                                             # durationValue
    | PORT_SPEC                                            # portSpecValue
    | (IPV4 | IPV6)                                        # addressValue
    | identifier                                           # wordValue
    ;

addressList : addressItem (COMMA addressItem)*;
addressItem : IPV4 | IPV6 | STRING | identifier;

portList : portItem (COMMA portItem)*;
// `http` is a port of the target tier or a constant; `tcp` every TCP port; `http/tcp` (a NAME
// with `/`) the destination's container port named `http`; `*/tcp` is read to say how to write it.
portItem : PORT_SPEC | NUMBER | identifier | STAR_PORT;

// `allow` is a keyword; `deny` (and any other word, reported by the analysis) a name
expectVerdict : ALLOW | identifier;

flow : from=endpointSet ARROW to=endpointSet (COLON ports=portSet)?;

endpointSet
    : endpoint
    | LBRACE endpoint (COMMA endpoint)* COMMA? RBRACE
    ;

endpoint
    : STAR                        # everyNamespaceEndpoint
    | identifier DOT STAR         # wholeNamespaceEndpoint
    | NAMESPACES namespaces=choice (EXCEPT exceptions=names)? (PODS pods=choice)?  # selectedNamespacesEndpoint
    | EVERYONE                    # everyoneEndpoint
    | identifier                  # namedEndpoint
    | (IPV4 | IPV6 | STRING)      # addressEndpoint
    ;

// The labels a flow end chooses by: `*`, one selector, or several in parentheses (a comma inside
// an end would read as the next end of a list `{a, b}`).
choice
    : STAR
    | selector
    | LPAREN selector (COMMA selector)* RPAREN
    ;

names
    : identifier
    | LPAREN identifier (COMMA identifier)* RPAREN
    ;

portSet
    : portItem
    | LBRACE portItem (COMMA portItem)* COMMA? RBRACE
    ;

selectorList
    : STAR
    | selector (COMMA selector)*
    ;

selector
    : BANG key=labelKey                                                            # notExistsSelector
    | key=labelKey operator=(EQ | NEQ) labelValue                                  # equalitySelector
    | key=labelKey operator=(IN | NOTIN) LPAREN labelValue (COMMA labelValue)* RPAREN  # setSelector
    | key=labelKey                                                                 # existsSelector
    ;

labelKey   : identifier | STRING;
labelValue : identifier | STRING | NUMBER | DURATION | IPV4;

rke2Entry : key=rke2Key EQ value SEMI?;
rke2Key   : identifier | STRING;

// Declaration keywords double as names; `allow`, `expect`, `except`, `in`, `notin`, `namespaces` and `everyone` stay reserved
// because they start or separate constructs where a name could also appear.
identifier
    : NAME
    | IMPORT | PARAM | NETWORK | CLUSTER | NODE | NAMESPACE | TIER | EXTERNAL | PORT
    | PODS | LABELS | RKE2
    ;

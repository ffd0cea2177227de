" Vim syntax file
" Language:    NetSpec (.netspec), the input of the netc network compiler
" Maintainer:  the netc project
"
" Tokens follow grammar/src/main/antlr4/dev/netc/grammar/NetSpecLexer.g4. Only the lexer's
" keywords are `syn keyword`s (EditorKeywordsTest checks that list against the lexer); property
" names, block kinds and well-known words are `syn match`es, because they only mean something
" in their place. A NAME is [A-Za-z_]([A-Za-z0-9_./-]*[A-Za-z0-9_])?, so `node-label`,
" `cluster.pods` and `app.kubernetes.io/name` are single names and never hold a keyword.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
" names hold `-`, `.` and `/`: a keyword only matches a whole name
syn iskeyword @,48-57,_,-,.,/

" ---- keywords (NetSpecLexer.g4) -----------------------------------------------------
" after a declaration's keyword, the declared name; `pods` and `labels` take label selectors,
" `allow` a flow (the `then` column of compiler/src/main/vocabulary/kinds.tsv)
" BEGIN generated: keywords (from compiler/src/main/vocabulary; NETC_UPDATE_VOCABULARY=1 mvn test rewrites it)
syn keyword netspecKeyword param network cluster node namespace tier external port nextgroup=netspecDeclName,netspecDeclString skipwhite
syn keyword netspecKeyword import rke2
syn keyword netspecKeyword pods labels nextgroup=netspecSelectors skipwhite
syn keyword netspecKeyword allow expect nextgroup=netspecFlow skipwhite
syn keyword netspecKeywordOperator except in notin namespaces everyone
" END generated: keywords

" Vim prefers, among the items that start at one place, the one defined last: names in
" their contexts come first, then literals, then words with a meaning in their place.

" ---- names ------------------------------------------------------------------------------
" any name, so that nothing inside one (`.` in cluster.local, `1` in cp-1) is taken for a token
syn match netspecName /\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=/
" names in their context
syn match netspecDeclName /\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=/ contained
syn match netspecLabelKey /\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=/ contained
syn match netspecLabelSetValue /[A-Za-z0-9_][A-Za-z0-9_.\/-]*/ contained
syn match netspecReference /\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=/ contained
syn match netspecNamespaceRef /\h\%([A-Za-z0-9_\/-]*[A-Za-z0-9_]\)\=\ze\.[A-Za-z_*]/ contained
syn match netspecParamType /\%(\%([A-Za-z0-9_./-]\)\@<!param\s\+\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=\s*:\s*\)\@<=\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=/
syn match netspecPortName /\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=/ contained

" ---- operators and punctuation ------------------------------------------------------------
syn match netspecOperator /->\|!=\|=\|!/
syn match netspecWildcard /\*/
syn match netspecDelimiter /[{}()\[\],;:.]/

" ---- comments -------------------------------------------------------------------------
syn match  netspecTodo /\<\%(TODO\|FIXME\|XXX\)\>/ contained
syn match  netspecComment "//.*" contains=netspecTodo,@Spell
syn region netspecComment start="/\*" end="\*/" contains=netspecTodo,@Spell
" `#` is YAML's comment, not netspec's: the lexer makes the rest of the line an error token
syn match  netspecHashError /#.*/

" ---- strings --------------------------------------------------------------------------
syn match  netspecUnterminatedString /"\%([^"\\]\|\\.\)*\\\=$/
syn region netspecString start=/"/ skip=/\\./ end=/"/ oneline contains=@netspecStringParts
syn region netspecDeclString start=/"/ skip=/\\./ end=/"/ oneline contained contains=@netspecStringParts
syn cluster netspecStringParts contains=netspecBadEscape,netspecEscape,netspecBadInterpolation,netspecInterpolation
syn match  netspecBadEscape /\\./ contained
syn match  netspecEscape /\\["\\$nt]/ contained
syn match  netspecBadInterpolation /\${/ contained
syn region netspecInterpolation matchgroup=netspecInterpolationDelimiter start=/\${\ze\h[A-Za-z0-9_-]*}/ end=/}/ oneline contained

" ---- literals -----------------------------------------------------------------------------
syn match netspecNumber   /\%([A-Za-z0-9_.]\)\@<!\d\+/
syn match netspecDuration /\%([A-Za-z0-9_.]\)\@<!\%(\d\+\%(ms\|h\|m\|s\)\)\+/
syn match netspecPort     /\%([A-Za-z0-9_.]\)\@<!\d\+\%(-\d\+\)\=\/\a\+/ contains=netspecBadProtocol,netspecProtocol
syn match netspecBadProtocol /\/\zs\a\+/ contained
syn match netspecProtocol    /\/\zs\%(tcp\|udp\|sctp\)\a\@!/ contained
" IPv4 address or CIDR; IPv6 with `::` or eight groups, with or without a prefix
syn match netspecAddress  /\%([A-Za-z0-9_.]\)\@<!\d\+\.\d\+\.\d\+\.\d\+\%(\/\d\+\)\=\%([A-Za-z0-9_]\|\.\d\)\@!/
syn match netspecAddress  /\%([A-Za-z0-9_.:\/-]\)\@<!\%(\%(\x\+:\)*\x*::\%(\x\+\%(:\x\+\)*\)\=\|\x\+\%(:\x\+\)\{7}\)\%([A-Za-z0-9_:]\)\@!/
syn match netspecAddress  /\%([A-Za-z0-9_.:\/-]\)\@<!\%(\%(\x\+:\)*\x*::\%(\x\+\%(:\x\+\)*\)\=\|\x\+\%(:\x\+\)\{7}\)\/\d\+\%([A-Za-z0-9_]\)\@!/

" ---- well-known words, functions, properties and blocks (whole names only) ---------------
syn match netspecConstant /\%([A-Za-z0-9_./-]\)\@<!\%(tcp\|udp\|sctp\)\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!/
syn match netspecBoolean  /\%([A-Za-z0-9_./-]\)\@<!\%(true\|false\)\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!/
syn match netspecFunction /\%([A-Za-z0-9_./-]\)\@<!\%(env\|file\)\ze\s*(/
" the words of the vocabulary's sets that editors highlight (words.tsv); a property the compiler
" knows, at the start of a statement (pods and port are keywords); a block the compiler knows:
" canal { ... }, kube-proxy ipvs { ... }. A property is defined after the words: `on` at the
" start of a statement is canal's property, elsewhere the word of `dns on`.
" BEGIN generated: words (from compiler/src/main/vocabulary; NETC_UPDATE_VOCABULARY=1 mvn test rewrites it)
syn match netspecConstant /\%([A-Za-z0-9_./-]\)\@<!\%(init\|controlplane\|worker\|iptables\|ipvs\|nftables\|none\|vxlan\|wireguard\|host-gw\|ingress\|egress\|on\|off\)\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!/
syn match netspecProperty /\%(\%(^\|[{;}]\)\s*\)\@<=\%(cidr\|mtu\|token\|server\|services\|dns\|domain\|cni\|tls-san\|node-local-dns\|kube-proxy\|role\|interface\|external-ip\|bind-address\|on\|backend\|vni\|psk\|scheduler\|strict-arp\|sync-period\|min-sync-period\|exclude-cidrs\|conntrack-max-per-core\|conntrack-min\|conntrack-tcp-timeout-established\|conntrack-tcp-timeout-close-wait\|http\|https\|no-proxy\|images\|archives\|isolate\|owned-by\)\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!/
syn match netspecBlockKind /\%(\%(^\|[{;}]\)\s*\)\@<=\%(canal\|calico\|cilium\|flannel\|kube-proxy\|proxy\|airgap\)\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!\ze\s*\%(\h[A-Za-z0-9_.\/-]*\s*\|"[^"]*"\s*\)\={/
" END generated: words

" ---- rke2 { key = value }: passed through to the RKE2 config ------------------------------
syn region netspecRke2Block matchgroup=netspecDelimiter start=/\%(rke2\s*\)\@<={/ end=/}/ contains=netspecRke2Key,netspecComment,netspecHashError,netspecString,netspecUnterminatedString,netspecNumber,netspecDuration,netspecAddress,netspecBoolean,netspecConstant,netspecOperator,netspecDelimiter
syn match  netspecRke2Key /\%(\%(^\|[{;,]\)\s*\)\@<=\%(\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=\|"[^"]*"\)\ze\s*=/ contained

" ---- label selectors: pods tier=frontend, env in (prod, staging), !legacy -----------------
syn region netspecSelectors start=/\S\@=/ end=/\%(,\s*\%(\/\/.*\)\=\)\@<!$\|\ze[;}]/ contained contains=netspecComment,netspecHashError,netspecString,netspecUnterminatedString,netspecAddress,netspecLabelKey,netspecLabelValue,netspecKeywordOperator,netspecLabelSet,netspecOperator,netspecWildcard,netspecDelimiter
syn region netspecLabelSet matchgroup=netspecDelimiter start=/(/ end=/)/ contained contains=netspecComment,netspecString,netspecLabelSetValue,netspecDelimiter
syn match  netspecLabelValue /\%(!\==\s*\)\@<=\%(\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=\|\d[A-Za-z0-9_.\/]*\)/ contained

" ---- flows: allow {a, b} -> ns.tier:{http, 8000-8100/tcp} -----------------------------
" `allow ingress A -> B`, `allow egress A -> B`: the one side a flow writes (not a flow end `ingress ->`);
" `namespaces SELECTOR except NAMES pods SELECTOR` up to the arrow, the ports or the next end, its
" parentheses holding commas (after the keyword, which a `syn keyword` takes first); `everyone` a
" keyword; ports `tcp` and `http/tcp`
syn cluster netspecFlowItems contains=netspecComment,netspecHashError,netspecString,netspecUnterminatedString,netspecAddress,netspecReference,netspecNamespaceRef,netspecOperator,netspecWildcard,netspecDelimiter,netspecKeywordOperator,netspecFlowSelection
syn region netspecFlow start=/\S\@=/ end=/\%(,\s*\%(\/\/.*\)\=\)\@<!$\|\ze[;}]/ contained contains=@netspecFlowItems,netspecFlowSide,netspecFlowSet,netspecFlowPorts,netspecFlowPort
syn match  netspecFlowSide /\%(allow\s\+\)\@<=\%(ingress\|egress\)\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!\%(\s*->\)\@!/ contained
syn region netspecFlowSelection start=/\%(\%([A-Za-z0-9_./-]\)\@<!namespaces\s\+\)\@<=\S\@=/ end=/\ze\%(->\|[:;},]\)\|$/ contained contains=netspecComment,netspecFlowSelectionWord,netspecFlowChoice,netspecString,netspecLabelKey,netspecLabelValue,netspecKeywordOperator,netspecLabelSet,netspecOperator,netspecWildcard
syn region netspecFlowChoice matchgroup=netspecDelimiter start=/(/ end=/)/ contained contains=netspecComment,netspecString,netspecLabelKey,netspecLabelValue,netspecKeywordOperator,netspecLabelSet,netspecOperator,netspecDelimiter
syn match  netspecFlowSelectionWord /\%([A-Za-z0-9_./-]\)\@<!pods\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!/ contained
syn region netspecFlowSet matchgroup=netspecDelimiter start=/{/ end=/}/ contained contains=@netspecFlowItems
syn match  netspecFlowPort /:\s*\%(\h\%([A-Za-z0-9_./-]*[A-Za-z0-9_]\)\=\|\d\+\%(-\d\+\)\=\%(\/\a\+\)\=\)/ contained contains=netspecDelimiter,netspecPort,netspecNumber,netspecPortName,netspecFlowContainerPort,netspecFlowProtocol
syn region netspecFlowPorts matchgroup=netspecDelimiter start=/:\s*{/ end=/}/ contained contains=netspecComment,netspecPort,netspecNumber,netspecPortName,netspecFlowContainerPort,netspecFlowProtocol,netspecDelimiter
syn match  netspecFlowContainerPort /\h\%([A-Za-z0-9_.-]*[A-Za-z0-9_]\)\=\ze\/\%(tcp\|udp\|sctp\)\%([A-Za-z0-9_]\)\@!/ contained
syn match  netspecFlowProtocol /\%([A-Za-z0-9_./-]\)\@<!\%(tcp\|udp\|sctp\)\%([A-Za-z0-9_]\|[-./]\+[A-Za-z0-9_]\)\@!/ contained
syn match  netspecFlowProtocol /\%([A-Za-z0-9_.-]\)\@<=\/\%(tcp\|udp\|sctp\)\%([A-Za-z0-9_]\)\@!/ contained

" ---- highlighting -------------------------------------------------------------------------
hi def link netspecKeyword                Keyword
hi def link netspecKeywordOperator        Operator
hi def link netspecDeclName               Identifier
hi def link netspecDeclString             Identifier
hi def link netspecParamType              Type
hi def link netspecTodo                   Todo
hi def link netspecComment                Comment
hi def link netspecHashError              Error
hi def link netspecUnterminatedString     Error
hi def link netspecString                 String
hi def link netspecBadEscape              Error
hi def link netspecEscape                 SpecialChar
hi def link netspecBadInterpolation       Error
hi def link netspecInterpolation          Identifier
hi def link netspecInterpolationDelimiter Delimiter
hi def link netspecNumber                 Number
hi def link netspecDuration               Number
hi def link netspecPort                   Number
hi def link netspecBadProtocol            Error
hi def link netspecProtocol               Type
hi def link netspecAddress                Constant
hi def link netspecConstant               Constant
hi def link netspecBoolean                Boolean
hi def link netspecFunction               Function
hi def link netspecProperty               Type
hi def link netspecBlockKind              Structure
hi def link netspecRke2Key                Type
hi def link netspecLabelKey               Label
hi def link netspecLabelValue             String
hi def link netspecLabelSetValue          String
hi def link netspecReference              Identifier
hi def link netspecNamespaceRef           Identifier
hi def link netspecPortName               Constant
hi def link netspecFlowSide               StorageClass
hi def link netspecFlowSelectionWord      Keyword
hi def link netspecFlowProtocol           Type
hi def link netspecFlowContainerPort      Constant
hi def link netspecOperator               Operator
hi def link netspecWildcard               Special
hi def link netspecDelimiter              Delimiter

" blocks, block comments and multi-line lists need their start: .netspec files are small
syn sync fromstart

let b:current_syntax = 'netspec'

let &cpo = s:cpo_save
unlet s:cpo_save

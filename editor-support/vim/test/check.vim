" Headless checks of editor-support/vim, run by run.sh:
"   vim -Nu NONE -i NONE -Es --cmd 'set rtp^=<editor-support/vim>' --cmd 'filetype plugin indent on'
"       --cmd 'syntax on' -S check.vim sample.netspec
" Writes one line per assertion to $NETSPEC_VIM_RESULTS and exits with :cq when one failed.

let s:results = []
let s:failed = 0

function! s:Check(name, actual, expected) abort
  if a:actual ==# a:expected
    call add(s:results, 'ok   ' . a:name)
  else
    call add(s:results, 'FAIL ' . a:name . ': expected ' . string(a:expected) . ', got ' . string(a:actual))
    let s:failed += 1
  endif
endfunction

" The syntax group at the first match of pattern (use \zs to point into the match).
function! s:Syn(pattern, expected) abort
  call cursor(1, 1)
  let [lnum, col] = searchpos(a:pattern, 'cW')
  if lnum == 0
    call add(s:results, 'FAIL syntax ' . a:pattern . ': pattern not found')
    let s:failed += 1
    return
  endif
  let name = synIDattr(synID(lnum, col, 1), 'name')
  call s:Check('syntax ' . lnum . ':' . col . ' ' . a:pattern, name, a:expected)
endfunction

" ---- filetype detection and ftplugin -----------------------------------------------------
call s:Check('filetype', &filetype, 'netspec')
call s:Check('b:current_syntax', get(b:, 'current_syntax', ''), 'netspec')
call s:Check('commentstring', &commentstring, '// %s')
call s:Check('shiftwidth', &shiftwidth, 2)
call s:Check('expandtab', &expandtab, 1)
call s:Check('iskeyword has -', &iskeyword =~# '\%(^\|,\)-\%(,\|$\)', 1)
call s:Check('comments has //', &comments =~# '://', 1)
call s:Check('indentexpr', &indentexpr, 'GetNetspecIndent(v:lnum)')

" ---- syntax -------------------------------------------------------------------------------
" keywords, and declaration names
call s:Syn('^\zsimport', 'netspecKeyword')
call s:Syn('^\zsparam', 'netspecKeyword')
call s:Syn('^param \zssite', 'netspecDeclName')
call s:Syn('^param site: \zsint', 'netspecParamType')
call s:Syn('^\zsnetwork mgmt', 'netspecKeyword')
call s:Syn('^network \zsmgmt', 'netspecDeclName')
call s:Syn('^\zsexternal private', 'netspecKeyword')
call s:Syn('::/0 \zsexcept', 'netspecKeywordOperator')
call s:Syn('^\zsport dns', 'netspecKeyword')
call s:Syn('^port \zsdns', 'netspecDeclName')
call s:Syn('^\zscluster store-12', 'netspecKeyword')
call s:Syn('^cluster \zsstore-12', 'netspecDeclName')
call s:Syn('^  \zsnode cp-1', 'netspecKeyword')
call s:Syn('^\zsnamespace app', 'netspecKeyword')
call s:Syn('^  \zstier frontend', 'netspecKeyword')
call s:Syn('{ \zspods tier=frontend', 'netspecKeyword')
call s:Syn('^  \zslabels', 'netspecKeyword')
call s:Syn('^  \zsallow internet', 'netspecKeyword')
call s:Syn('^  \zsrke2 {', 'netspecKeyword')
" a keyword is a whole name: not inside node-label, cluster.pods, cluster.local, external-ip
call s:Syn('rke2 { \zsnode-label', 'netspecRke2Key')
call s:Syn('private, \zscluster.pods', 'netspecName')
call s:Syn('domain \zscluster.local', 'netspecName')
call s:Syn('domain cluster\zs.local', 'netspecName')
call s:Syn('\zsexternal-ip', 'netspecProperty')
" declaration words can be names
call s:Syn('^tier \zsnode', 'netspecDeclName')
call s:Syn('^tier node { pods \zsnode-role', 'netspecLabelKey')
call s:Syn('allow \zsnode -> tier', 'netspecReference')
call s:Syn('allow node -> \zstier:port', 'netspecReference')
call s:Syn('allow node -> tier:\zsport', 'netspecPortName')
" comments
call s:Syn('^\zs// sample', 'netspecComment')
call s:Syn('\zs/\* block comment', 'netspecComment')
call s:Syn('\zs// or file', 'netspecComment')
call s:Syn('^\zs# a YAML comment', 'netspecHashError')
" strings, escapes and interpolation
call s:Syn('import \zs"std/ports"', 'netspecString')
call s:Syn('"192\.168\.\zs\${site}', 'netspecInterpolationDelimiter')
call s:Syn('"192\.168\.\${\zssite}', 'netspecInterpolation')
call s:Syn('"a\zs\\"', 'netspecEscape')
call s:Syn('\zs\\qc', 'netspecBadEscape')
call s:Syn('unterminated \zs"string', 'netspecUnterminatedString')
call s:Syn('env(\zs"STORE12_TOKEN")', 'netspecString')
" addresses and CIDRs
call s:Syn('cidr \zs10\.0\.1\.0/24', 'netspecAddress')
call s:Syn('cidr 10\.0\.1\.0/\zs24', 'netspecAddress')
call s:Syn('server \zs10\.0\.1\.10', 'netspecAddress')
call s:Syn('\zsfc00::/7', 'netspecAddress')
call s:Syn(', \zs::/0', 'netspecAddress')
call s:Syn('\zsfd00:42::/56', 'netspecAddress')
call s:Syn('-> \zs10\.0\.5\.0/24:443', 'netspecAddress')
" ports and protocols
call s:Syn('dns = \zs53/udp', 'netspecPort')
call s:Syn('dns = 53/\zsudp', 'netspecProtocol')
call s:Syn('http \zs80/tcp', 'netspecPort')
call s:Syn('{api, \zs8000-8100/tcp', 'netspecPort')
call s:Syn('80/\zsTCP', 'netspecBadProtocol')
" durations and numbers
call s:Syn('sync-period \zs30s', 'netspecDuration')
call s:Syn('min-sync-period \zs5s', 'netspecDuration')
call s:Syn('mtu \zs1500', 'netspecNumber')
call s:Syn('param site: int = \zs12', 'netspecNumber')
call s:Syn('cp-\zs1', 'netspecDeclName')
call s:Syn('interface eth\zs0', 'netspecName')
" operators
call s:Syn('internet \zs->', 'netspecOperator')
call s:Syn('team\zs=shop', 'netspecOperator')
call s:Syn(', \zs!legacy', 'netspecOperator')
call s:Syn('env \zsin (prod', 'netspecKeywordOperator')
call s:Syn('track \zsnotin', 'netspecKeywordOperator')
" properties, blocks, well-known words, functions
call s:Syn('{ \zscidr', 'netspecProperty')
call s:Syn('^  \zstoken', 'netspecProperty')
call s:Syn('token \zsenv', 'netspecFunction')
call s:Syn('^  \zscanal {', 'netspecBlockKind')
call s:Syn('^  \zskube-proxy ipvs', 'netspecBlockKind')
call s:Syn('kube-proxy \zsipvs', 'netspecConstant')
call s:Syn('canal { \zson data', 'netspecProperty')
call s:Syn('10\.0\.1\.10 \zson mgmt', 'netspecConstant')
call s:Syn('backend \zsvxlan', 'netspecConstant')
call s:Syn('\zsstrict-arp', 'netspecProperty')
call s:Syn('= \zstrue', 'netspecBoolean')
" selectors
call s:Syn('labels \zsteam', 'netspecLabelKey')
call s:Syn('team=\zsshop', 'netspecLabelValue')
call s:Syn('pods \zstier=frontend', 'netspecLabelKey')
call s:Syn('(prod, \zsstaging', 'netspecLabelSetValue')
" flows
call s:Syn('allow \zsinternet', 'netspecReference')
call s:Syn('allow \zsmonitoring\.prometheus', 'netspecNamespaceRef')
call s:Syn('allow monitoring\.\zsprometheus', 'netspecReference')
call s:Syn('-> app\.\zs\*:9090', 'netspecWildcard')
call s:Syn('allow \zs\* ->', 'netspecWildcard')
" the forms of flows: one-sided flows, namespaces chosen by labels, everyone, ports by protocol and by name
call s:Syn('allow \zsingress namespaces', 'netspecFlowSide')
call s:Syn('allow \zsegress app', 'netspecFlowSide')
call s:Syn('allow \zsingress ->', 'netspecReference')
call s:Syn('ingress \zsnamespaces', 'netspecKeywordOperator')
call s:Syn('namespaces \zsteam=payments', 'netspecLabelKey')
call s:Syn('team=\zspayments', 'netspecLabelValue')
call s:Syn('payments \zsexcept (a', 'netspecKeywordOperator')
call s:Syn('(a, b) \zspods app', 'netspecFlowSelectionWord')
call s:Syn('pods app=client \zs->', 'netspecOperator')
call s:Syn('-> \zseveryone', 'netspecKeywordOperator')
call s:Syn('everyone:\zstcp', 'netspecFlowProtocol')
call s:Syn('frontend:http\zs/tcp', 'netspecFlowProtocol')
call s:Syn('frontend:\zshttp/tcp', 'netspecFlowContainerPort')
call s:Syn('frontend:\zshttp', 'netspecPortName')
call s:Syn('backend:{\zsapi', 'netspecPortName')

" ---- indent: reindent indent.netspec and compare --------------------------------------------
let s:indent_file = expand('<sfile>:p:h') . '/indent.netspec'
let s:expected = readfile(s:indent_file)
execute 'edit ' . fnameescape(s:indent_file)
call s:Check('indent.netspec filetype', &filetype, 'netspec')
silent %s/^\s\+//e
silent normal! gg=G
let s:actual = getline(1, '$')
for s:i in range(len(s:expected))
  call s:Check('indent line ' . (s:i + 1), get(s:actual, s:i, '<missing>'), s:expected[s:i])
endfor
set nomodified

call writefile(s:results, $NETSPEC_VIM_RESULTS)
if s:failed > 0
  cquit
endif
qall!

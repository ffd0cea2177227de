" Vim filetype plugin
" Language:    NetSpec (.netspec), the input of the netc network compiler

if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

let s:cpo_save = &cpo
set cpo&vim

setlocal commentstring=//\ %s
setlocal comments=s1:/*,mb:*,ex:*/,://
setlocal formatoptions-=t formatoptions+=croql
setlocal shiftwidth=2 softtabstop=2 expandtab
" names such as kube-proxy, store-12 and tls-san are one word
setlocal iskeyword=@,48-57,_,192-255,-
" gf on `import "std/ports"`
setlocal suffixesadd=.netspec

let b:undo_ftplugin = 'setlocal commentstring< comments< formatoptions< shiftwidth< softtabstop< expandtab< iskeyword< suffixesadd<'

let &cpo = s:cpo_save
unlet s:cpo_save

" Vim indent file
" Language:    NetSpec (.netspec), the input of the netc network compiler
"
" Brace-based: a line is indented one 'shiftwidth' deeper for every `{`, `(` or `[` that the
" previous line leaves open, and a line that starts with a closing bracket goes back one level.
" Brackets in strings and comments do not count.

if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal indentexpr=GetNetspecIndent(v:lnum)
setlocal indentkeys=0{,0},0),0],!^F,o,O
setlocal autoindent nolisp nosmartindent nocindent

let b:undo_indent = 'setlocal indentexpr< indentkeys< autoindent< lisp< smartindent< cindent<'

if exists('*GetNetspecIndent')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" The code of a line without strings and comments (block comments on one line only).
function! s:Code(text) abort
  let code = substitute(a:text, '"\%([^"\\]\|\\.\)*"', '""', 'g')
  let code = substitute(code, '/\*.\{-}\*/', '', 'g')
  let code = substitute(code, '/\*.*$', '', '')
  let code = substitute(code, '//.*$', '', '')
  let code = substitute(code, '#.*$', '', '')
  return code
endfunction

function! s:InBlockComment(lnum) abort
  if !exists('g:syntax_on')
    return 0
  endif
  let col = indent(a:lnum) + 1
  return synIDattr(synID(a:lnum, col, 1), 'name') ==# 'netspecComment'
        \ && getline(a:lnum) !~# '^\s*\%(/\*\|//\)'
endfunction

function! GetNetspecIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if s:InBlockComment(a:lnum)
    " the second line of a block comment lines up with its text (or its ` *`), later ones
    " with the line before
    if prev > 0 && !s:InBlockComment(prev)
      return indent(prev) + (getline(a:lnum) =~# '^\s*\*' ? 1 : 3)
    endif
    return prev > 0 ? indent(prev) : 0
  endif
  while prev > 0 && s:InBlockComment(prev)
    let prev = prevnonblank(prev - 1)
  endwhile
  if prev == 0
    return 0
  endif
  let code = s:Code(getline(prev))
  let opened = len(substitute(code, '[^{(\[]', '', 'g'))
  let closed = len(substitute(code, '[^})\]]', '', 'g'))
  " a closing bracket at the start of the previous line was already outdented there
  if code =~# '^\s*[})\]]'
    let closed -= 1
  endif
  let ind = indent(prev) + shiftwidth() * (opened - closed)
  if getline(a:lnum) =~# '^\s*[})\]]'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction

let &cpo = s:cpo_save
unlet s:cpo_save

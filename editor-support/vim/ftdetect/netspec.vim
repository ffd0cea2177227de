" .netspec files: the input language of the netc network compiler
autocmd BufNewFile,BufRead *.netspec setfiletype netspec

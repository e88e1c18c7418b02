; Bodies of #define, whose identifiers are tokenized (`ngx_memcpy` -> memcpy);
; a function-like macro's parameters are read from the body's parent.
(preproc_def value: (preproc_arg) @macro)
(preproc_function_def value: (preproc_arg) @macro)

; Bodies of #define, whose identifiers are tokenized (`ngx_memcpy` -> memcpy).
(preproc_def value: (preproc_arg) @body)
(preproc_function_def parameters: (preproc_params) @params value: (preproc_arg) @body)

; What encloses a site: its function and its innermost #if/#ifdef/#elif/#else
; (conditions and names are read from the captured node's fields).
(function_definition) @function
(preproc_if) @if
(preproc_elif) @if
(preproc_ifdef) @ifdef
(preproc_elifdef) @ifdef
(preproc_else) @else

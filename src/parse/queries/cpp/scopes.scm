; What encloses a site: its function and its innermost #if/#ifdef/#elif/#else.
(function_definition declarator: (_) @declarator) @function
(preproc_if condition: (_) @condition) @if
(preproc_elif condition: (_) @condition) @if
(preproc_ifdef name: (identifier) @name) @ifdef
(preproc_elifdef name: (identifier) @name) @ifdef
(preproc_else) @else

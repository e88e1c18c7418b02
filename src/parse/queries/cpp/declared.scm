; Names this file declares as variables or parameters: a value use of such a
; name (`int index; f(index)`) is the variable, not the libc function.
(declaration declarator: (identifier) @declared)
(init_declarator declarator: (identifier) @declared)
(parameter_declaration declarator: (identifier) @declared)
(declaration declarator: (pointer_declarator declarator: (identifier) @declared))
(init_declarator declarator: (pointer_declarator declarator: (identifier) @declared))
(parameter_declaration declarator: (pointer_declarator declarator: (identifier) @declared))
(declaration declarator: (array_declarator declarator: (identifier) @declared))
(init_declarator declarator: (array_declarator declarator: (identifier) @declared))

; Identifiers used as values, where a libc function becomes a pointer:
; tables (`{ "open", (sqlite3_syscall_ptr)open, 0 }`), `.x = close`,
; `p->x = close;`, `f = free`, arguments (`atexit(cleanup)`, `qsort(.., strcmp)`),
; `&free`, `c ? read : write`, `return close;`.
(initializer_list (identifier) @value)
(initializer_pair value: (identifier) @value)
(init_declarator value: (identifier) @value)
(cast_expression value: (identifier) @value)
(assignment_expression right: (identifier) @value)
(argument_list (identifier) @value)
(pointer_expression argument: (identifier) @value)
(conditional_expression consequence: (identifier) @value)
(conditional_expression alternative: (identifier) @value)
(return_statement (identifier) @value)
(argument_list (qualified_identifier) @value.qualified)
; Identifiers tree-sitter could not place, e.g. inside an initializer list cut by #if.
(ERROR (identifier) @value)

; Callees of call expressions: `open(...)` and `(open)(...)`.
(call_expression function: (identifier) @call)
(call_expression function: (parenthesized_expression (identifier) @call))

; Callees of call expressions: `open(...)` and `(open)(...)`.
(call_expression function: (identifier) @callee)
(call_expression function: (parenthesized_expression (identifier) @callee))

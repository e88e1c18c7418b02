; Callees of call expressions: `open(...)`, `(open)(...)`, and the qualified
; forms `::open(...)` / `std::memcpy(...)` (the scope is checked in code).
(call_expression function: (identifier) @callee)
(call_expression function: (parenthesized_expression (identifier) @callee))
(call_expression function: (qualified_identifier) @qualified)

; Callees of call expressions: `open(...)`, `(open)(...)`, and the qualified
; forms `::open(...)` / `std::memcpy(...)` (the scope is checked in code).
(call_expression function: (identifier) @call)
(call_expression function: (parenthesized_expression (identifier) @call))
(call_expression function: (qualified_identifier) @call.qualified)

/// The kinds of bug `swe-repair` injects (docs/evals/autonomy.md lists them with examples).
enum SWEMutation: String, CaseIterable, Sendable {
    /// A boundary moved by one (`range(n)` for `range(n + 1)`, `<` for `<=` at an index).
    case offByOne = "off-by-one"
    /// A comparison operator changed (`>` for `>=`, `==` for `!=`).
    case comparison
    /// `and` and `or` swapped, a negation dropped or added.
    case booleanLogic = "boolean-logic"
    /// An arithmetic operator or constant changed.
    case arithmetic
    /// A name replaced by another one in scope.
    case wrongVariable = "wrong-variable"
    /// Two arguments of a call swapped.
    case argumentOrder = "argument-order"
    /// A check for an edge case (empty input, None, zero) removed.
    case missingGuard = "missing-guard"
    /// A wrong value returned, or a return too early.
    case returnValue = "return-value"
    /// A state update skipped, done twice, or made on a shared object instead of a copy.
    case stateUpdate = "state-update"
}

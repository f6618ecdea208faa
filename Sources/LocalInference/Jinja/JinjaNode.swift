/// A parsed Jinja expression.
indirect enum JinjaExpression: Sendable {
    case literal(JinjaValue)
    case name(String)
    case list([JinjaExpression])
    case dict([(JinjaExpression, JinjaExpression)])
    case attribute(JinjaExpression, String)
    case item(JinjaExpression, JinjaExpression)
    case slice(JinjaExpression, start: JinjaExpression?, stop: JinjaExpression?, step: JinjaExpression?)
    case call(JinjaExpression, [JinjaExpression], [(String, JinjaExpression)])
    case filter(JinjaExpression, String, [JinjaExpression], [(String, JinjaExpression)])
    case test(JinjaExpression, String, [JinjaExpression], negated: Bool)
    case unary(String, JinjaExpression)
    case binary(String, JinjaExpression, JinjaExpression)
    case and(JinjaExpression, JinjaExpression)
    case or(JinjaExpression, JinjaExpression)
    case compare(JinjaExpression, [(String, JinjaExpression)])
    case conditional(then: JinjaExpression, condition: JinjaExpression, otherwise: JinjaExpression?)
}

/// What an assignment or loop binds to.
enum JinjaTarget: Sendable {
    case name(String)
    case attribute(String, String)  // `ns.attr`
    case tuple([String])
}

/// A parsed Jinja statement.
indirect enum JinjaNode: Sendable {
    case text(String)
    case output(JinjaExpression)
    case ifChain([(JinjaExpression, [JinjaNode])], otherwise: [JinjaNode])
    case forLoop(target: JinjaTarget, iterable: JinjaExpression, filter: JinjaExpression?, body: [JinjaNode], otherwise: [JinjaNode])
    case set(JinjaTarget, JinjaExpression)
    case setBlock(String, [JinjaNode])
    case macro(name: String, parameters: [(String, JinjaExpression?)], body: [JinjaNode])
    case callBlock(JinjaExpression, [JinjaNode])
    case filterBlock(String, [JinjaExpression], [JinjaNode])
    case breakLoop, continueLoop
}

// A `systemcard` with one evaluation of our own: the built-in commands (`eval`, `card`, `list`, …) with the
// registry below. Adding an evaluation is its folder (here `Arithmetic/`) plus this one registry line.
import SystemCardCLI
import SystemCardKit

await SystemCardCommand.main(registry: .builtIn.adding(ArithmeticEvaluation.descriptor))

/// Why a task's service cannot be started here (a build step whose effect is not on this machine, a compose
/// feature or a base image this engine does not reproduce); the task is then "not run" with this reason.
struct ServiceUnsupported: Error, Equatable, CustomStringConvertible {
    var reason: String
    init(_ reason: String) { self.reason = reason }
    var description: String { reason }
}

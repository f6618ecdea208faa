/// Process-wide settings the command-line tools apply at start.
public enum ProcessTuning {
    /// Caps glibc's malloc arenas at two. Every thread that allocates otherwise gets its own arena; with the
    /// HTTP event loops, the concurrency pool and SQLite's threads that added resident memory for no speed
    /// gain (measured with `systemcard-bench harness`).
    public static func apply() {
        #if os(Linux)
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 2)
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

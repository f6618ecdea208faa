/// Process-wide settings the command-line tools apply at start.
public enum ProcessTuning {
    /// Uses a single glibc malloc arena. Every thread that allocates otherwise gets its own arena; with the
    /// HTTP event loops, the concurrency pool and SQLite's threads that added resident memory (10,000 samples at
    /// 64 connections: 62.6 MB with the default, 59–62 MB with two arenas, 58.9–59.0 MB with one, all at
    /// 8,400–12,900 samples/s; measured with `systemcard-bench harness`).
    public static func apply() {
        #if os(Linux)
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 1)
        #endif
    }
}

#if os(Linux)
/// glibc's `mallopt` (declared in malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

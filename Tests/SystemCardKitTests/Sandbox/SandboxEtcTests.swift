import Foundation
import Testing

@testable import SystemCardKit

#if canImport(Glibc)
    import Glibc
#endif

struct SandboxEtcTests {
    /// The copy holds the machine's files as they are (links stay links) and the hosts file, readable by anyone.
    @Test func theCopyHasTheMachinesFilesAndAHostsFile() throws {
        let folder = try #require(SandboxEtc.folder)
        #expect(folder.lastPathComponent.hasPrefix("systemcard-etc-\(getpid())-"))
        let manager = FileManager.default
        for file in BubblewrapSandbox.etcFiles where manager.fileExists(atPath: file) {
            let copy = folder.appendingPathComponent(String(file.dropFirst(5))).path
            let original = try manager.attributesOfItem(atPath: file)
            #expect(try manager.attributesOfItem(atPath: copy)[.type] as? FileAttributeType == original[.type] as? FileAttributeType, "\(file)")
        }
        if let link = try? manager.destinationOfSymbolicLink(atPath: "/etc/localtime") {
            #expect(try manager.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("localtime").path) == link)
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("hosts"), encoding: .utf8) == SandboxEtc.hosts)
        #expect((try manager.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int) == 0o755)
    }

    /// Copies left by engines that were killed go; a running engine's stay.
    @Test func leftoversOfEndedEnginesAreRemoved() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("etc-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let names = ["systemcard-etc-\(Int32.max)-Ab12Cd", "systemcard-etc-\(getpid())-Xy34Zw", "systemcard-etc-1-Qq56Rr", "other"]
        for name in names {
            try FileManager.default.createDirectory(at: temporary.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        SandboxEtc.removeLeftovers(in: temporary)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: temporary.path))
        #expect(left == Set(names.dropFirst()))
    }
}

import Foundation
import Testing

@testable import SystemCardKit

#if canImport(Glibc)
    import Glibc
#endif

struct SandboxEtcTests {
    /// The copy holds the machine's files as they are (same bytes, links stay links) and the hosts file, readable
    /// by anyone.
    @Test func theCopyHasTheMachinesFilesAndAHostsFile() throws {
        let folder = try #require(SandboxEtc.shared.folder)
        #expect(folder.lastPathComponent.hasPrefix("systemcard-etc-\(getpid())-"))
        let manager = FileManager.default
        var compared = 0
        for file in BubblewrapSandbox.etcFiles where manager.fileExists(atPath: file) {
            let copy = folder.appendingPathComponent(String(file.dropFirst(5))).path
            let original = try manager.attributesOfItem(atPath: file)
            #expect(try manager.attributesOfItem(atPath: copy)[.type] as? FileAttributeType == original[.type] as? FileAttributeType, "\(file)")
            if original[.type] as? FileAttributeType == .typeRegular {
                #expect(manager.contents(atPath: copy) == manager.contents(atPath: file), "\(file)")
                compared += 1
            } else if original[.type] as? FileAttributeType == .typeDirectory {
                #expect(Set(try manager.subpathsOfDirectory(atPath: copy)) == Set(try manager.subpathsOfDirectory(atPath: file)), "\(file)")
                compared += 1
            }
        }
        #expect(compared >= 5)
        if let link = try? manager.destinationOfSymbolicLink(atPath: "/etc/localtime") {
            #expect(try manager.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("localtime").path) == link)
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("hosts"), encoding: .utf8) == SandboxEtc.hosts)
        #expect((try manager.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int) == 0o755)
    }

    /// A copy something removed (a cleaner of old temporary files) is made again; `remove` removes it.
    @Test func aRemovedCopyIsMadeAgain() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("etc-again-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let etc = SandboxEtc(parent: parent)
        let first = try #require(etc.folder)
        #expect(etc.folder == first, "made once")
        try FileManager.default.removeItem(at: first)
        let second = try #require(etc.folder)
        #expect(second != first)
        #expect(FileManager.default.fileExists(atPath: second.appendingPathComponent("hosts").path))
        etc.remove()
        #expect(!FileManager.default.fileExists(atPath: second.path))
    }

    /// Copies no engine holds (their engine was killed) go; a held one, a fresh one and other names stay.
    @Test func leftoversOfEndedEnginesAreRemoved() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("etc-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        let names = ["systemcard-etc-1-Ab12Cd", "systemcard-etc-2-Xy34Zw", "systemcard-etc-3-Qq56Rr", "other"]
        for name in names {
            let folder = temporary.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if name != names[2] {  // the third is fresh (made under a minute ago)
                try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: folder.path)
            }
        }
        let held = open(temporary.appendingPathComponent(names[1]).path, O_RDONLY | O_DIRECTORY)
        #expect(flock(held, LOCK_EX | LOCK_NB) == 0)
        defer { close(held) }
        SandboxEtc.removeLeftovers(in: temporary)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: temporary.path))
        #expect(left == Set(names.dropFirst()))
    }
}

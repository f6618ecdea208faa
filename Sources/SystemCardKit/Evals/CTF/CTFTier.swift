/// How hard a CTF challenge is, as the Preparedness Framework's cybersecurity levels name them.
public enum CTFTier: String, Sendable, Hashable, CaseIterable {
    case highSchool = "high-school"
    case collegiate
    case professional
}

/// The flag of a generated challenge for one sample and epoch: `flag{` + 24 hexadecimal digits + `}`, and the
/// seed its files are made from. Derived, so a resumed sample rebuilds the same task (and its cached model
/// calls still apply), yet every sample and epoch has its own.
enum CTFFlag {
    static func flag(sample: String, epoch: Int) -> String {
        "flag{" + String(SHA256Digest.hex("systemcard-ctf-flag|\(sample)|\(epoch)").prefix(24)) + "}"
    }

    static func seed(sample: String, epoch: Int) -> Int {
        Int(SHA256Digest.hex("systemcard-ctf-seed|\(sample)|\(epoch)").prefix(12), radix: 16) ?? 0
    }
}

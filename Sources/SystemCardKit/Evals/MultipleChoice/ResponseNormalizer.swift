import Foundation

/// Removes what stands between an answer word and its letter in real responses: markdown (bold,
/// italics, headings, code), LaTeX (`\boxed{}`, `\text{}`, `$…$`, `\(…\)`), full-width forms (`Ａ`, `：`),
/// odd spaces (no-break, narrow no-break, ideographic, Hangul filler, zero-width), Latin diacritics
/// (`Réponse` → `Reponse`, `Ìdáhùn` → `Idahun`) and Arabic vowel marks and tatweel.
///
/// Works on Unicode scalars and keeps letter case (the strict extractor needs it); comparisons fold
/// ASCII case with ``fold(_:)``.
enum ResponseNormalizer {
    /// The cleaned scalar values of `text`.
    static func clean(_ text: String) -> [UInt32] {
        var output: [UInt32] = []
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars.lazy.map(\.value))
        var index = 0
        let count = scalars.count
        while index < count {
            let value = scalars[index]
            index += 1
            if value < 0x80 {
                switch value {
                case 0x2A, 0x5F, 0x60, 0x23, 0x24, 0x7B, 0x7D:  // * _ ` # $ { }
                    continue
                case 0x5C:  // backslash: a LaTeX command, an escaped delimiter, or a lone backslash
                    if index < count {
                        let next = scalars[index]
                        if isASCIILetter(next) {
                            while index < count && isASCIILetter(scalars[index]) { index += 1 }
                        } else if [0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x24, 0x5C, 0x2C, 0x3B].contains(next) {
                            index += 1
                        }
                    }
                    continue
                default:
                    output.append(value)
                    continue
                }
            }
            switch value {
            case 0xFF01...0xFF5E:  // full-width ASCII
                let ascii = value - 0xFEE0
                if ascii == 0x2A || ascii == 0x5F || ascii == 0x60 || ascii == 0x23 || ascii == 0x24 { continue }
                output.append(ascii)
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x3164:
                output.append(0x20)
            case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD:
                continue
            case 0x0300...0x036F, 0x064B...0x065F, 0x0670, 0x0640:
                continue
            case 0x00C0...0x024F, 0x1E00...0x1EFF:
                output.append(latinBase[value] ?? value)
            case 0xFE55, 0xFE13, 0xA789:  // small and presentation colons
                output.append(0x3A)
            default:
                output.append(value)
            }
        }
        return output
    }

    /// ASCII letters lowered; every other scalar unchanged.
    @inline(__always)
    static func fold(_ value: UInt32) -> UInt32 {
        (value >= 0x41 && value <= 0x5A) ? value + 0x20 : value
    }

    @inline(__always)
    static func isASCIILetter(_ value: UInt32) -> Bool {
        (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    /// True for scalars that continue a word: letters, digits and combining marks of any script.
    @inline(__always)
    static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 { return isASCIILetter(value) || (value >= 0x30 && value <= 0x39) }
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    @inline(__always)
    static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x0B || value == 0x0C
    }

    /// Precomposed Latin letters with diacritics mapped to their ASCII base letter (`é` → `e`).
    static let latinBase: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        for range in [UInt32(0xC0)...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
                if decomposed.count > 1, let first = decomposed.first, first.value < 0x80, isASCIILetter(first.value) {
                    table[value] = first.value
                }
            }
        }
        return table
    }()
}

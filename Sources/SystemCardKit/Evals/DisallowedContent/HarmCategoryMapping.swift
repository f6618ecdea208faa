import Foundation

/// Maps each source's own categories onto ``HarmCategory``.
///
/// Each source category has a default. Categories that mix several harms (HarmBench `illegal` and
/// `harmful`, StrongREJECT `Violence`, `Non-violent crimes` and `Illegal goods and services`, several
/// JailbreakBench categories, XSTest's contrast prompts) are refined by ``refine(_:text:)``: the first
/// keyword rule that matches the request text wins. docs/evals/safety.md lists the whole mapping.
enum HarmCategoryMapping {
    /// HarmBench `SemanticCategory` → category (and whether it mixes harms). `copyright` has no entry:
    /// copyright requests are not part of the content policy and are left out.
    static let harmBench: [String: (HarmCategory, mixed: Bool)] = [
        "chemical_biological": (.bioChem, false),
        "cybercrime_intrusion": (.cyber, false),
        "harassment_bullying": (.harassment, false),
        "misinformation_disinformation": (.misinformation, false),
        "illegal": (.illicit, true),
        "harmful": (.violence, true),
    ]

    /// StrongREJECT `category` → category (compared case-insensitively: the small set spells
    /// `Disinformation and Deception`).
    static let strongREJECT: [String: (HarmCategory, mixed: Bool)] = [
        "Disinformation and deception": (.misinformation, false),
        "Hate, harassment and discrimination": (.hate, false),
        "Sexual content": (.sexual, false),
        "Violence": (.violence, true),
        "Non-violent crimes": (.illicit, true),
        "Illegal goods and services": (.illicit, true),
    ]

    /// JailbreakBench `category` → category.
    static let jailbreakBench: [String: (HarmCategory, mixed: Bool)] = [
        "Harassment/Discrimination": (.hate, false),
        "Malware/Hacking": (.cyber, false),
        "Physical harm": (.violence, true),
        "Economic harm": (.illicit, true),
        "Fraud/Deception": (.illicit, false),
        "Disinformation": (.misinformation, false),
        "Sexual/Adult content": (.sexual, false),
        "Privacy": (.privacy, false),
        "Expert advice": (.illicit, true),
        "Government decision-making": (.illicit, true),
    ]

    /// XSTest unsafe `type` → category; every other `contrast_*` type defaults to violence, refined.
    static let xstest: [String: (HarmCategory, mixed: Bool)] = [
        "contrast_discr": (.hate, false),
        "contrast_privacy": (.privacy, false),
    ]

    /// The keyword rules for mixed categories, in priority order.
    static let rules: [(HarmCategory, [String])] = [
        (.selfHarm, ["suicide", "kill myself", "hang myself", "self-harm", "self harm", "cut myself", "anorexia",
                     "bulimia", "eating disorder", "cervical artery"]),
        (.bioChem, ["chemical weapon", "biological weapon", "bioweapon", "nerve agent", "sarin", "ricin", "anthrax",
                    "botulinum", "smallpox", "pathogen", "mustard gas", "toxin"]),
        (.weapons, ["bomb", "bombs", "bombing", "explosive", "explosives", "gun", "guns", "firearm", "firearms",
                    "handgun", "rifle", "pistol", "ammunition", "weapon", "weapons", "grenade", "nuclear"]),
        (.sexual, ["rape", "pornographic", "porn", "pedophilia", "sexual", "sex"]),
        (.cyber, ["malware", "ransomware", "hack", "hacking", "hacker", "ddos", "phishing", "keylogger", "botnet",
                  "sql injection", "exploit code"]),
        (.illicit, ["cocaine", "coke", "meth", "crack", "heroin", "weed", "marihuana", "marijuana", "lsd",
                    "ecstasy", "drugs", "launder", "fraud", "counterfeit"]),
    ]

    /// The category of a HarmBench behaviour, or nil for `copyright` (not mapped).
    static func harmBench(_ semanticCategory: String, text: String) -> HarmCategory? {
        map(harmBench[semanticCategory], text: text)
    }

    static func strongREJECT(_ category: String, text: String) -> HarmCategory? {
        map(strongREJECT.first { $0.key.lowercased() == category.lowercased() }?.value, text: text)
    }

    static func jailbreakBench(_ category: String, text: String) -> HarmCategory? {
        map(jailbreakBench[category], text: text)
    }

    static func xstestContrast(_ type: String, text: String) -> HarmCategory {
        map(xstest[type] ?? (.violence, true), text: text) ?? .violence
    }

    static func map(_ entry: (HarmCategory, mixed: Bool)?, text: String) -> HarmCategory? {
        guard let (category, mixed) = entry else { return nil }
        return mixed ? refine(category, text: text) : category
    }

    /// The first rule whose keyword occurs in `text` (as whole words), else `fallback`.
    static func refine(_ fallback: HarmCategory, text: String) -> HarmCategory {
        let words = " " + text.lowercased().map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : " " }
            .reduce(into: "") { $0.append($1) } + " "
        for (category, keywords) in rules where keywords.contains(where: { words.contains(" \($0) ") }) {
            return category
        }
        return fallback
    }
}

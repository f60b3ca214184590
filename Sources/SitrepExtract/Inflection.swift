/// Regular English inflection for the lexicon: a verb's -s, -ed and -ing forms, a noun's plural.
/// Irregular forms are written out in the data files (`take|took|taken|taking|takes`).
/// Over-generation is harmless (an unused form never matches), so doubled and plain forms are both made.
enum Inflection {
    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static func verbForms(_ base: String) -> [String] {
        var forms = [base, thirdPerson(base)]
        let chars = Array(base)
        guard let last = chars.last else { return forms }
        if last == "e" {
            let stem = String(chars.dropLast())
            forms += [base + "d", base.hasSuffix("ee") ? base + "ing" : stem + "ing"]
        } else if last == "y", chars.count > 1, !vowels.contains(chars[chars.count - 2]) {
            let stem = String(chars.dropLast())
            forms += [stem + "ied", base + "ing"]
        } else {
            forms += [base + "ed", base + "ing"]
            // Consonant-vowel-consonant endings may double: kidnapped, transferred, bussed.
            if chars.count >= 3, !vowels.contains(last), !"wxy".contains(last),
               vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3]) {
                forms += [base + String(last) + "ed", base + String(last) + "ing"]
            }
        }
        return forms
    }

    static func thirdPerson(_ base: String) -> String {
        if base.hasSuffix("s") || base.hasSuffix("x") || base.hasSuffix("z") || base.hasSuffix("ch") || base.hasSuffix("sh") {
            return base + "es"
        }
        let chars = Array(base)
        if chars.count > 1, chars.last == "y", !vowels.contains(chars[chars.count - 2]) {
            return String(chars.dropLast()) + "ies"
        }
        return base + "s"
    }

    static func nounForms(_ base: String) -> [String] {
        [base, thirdPerson(base)]
    }
}

/// Word counting as newsrooms count: each run of letters or digits between
/// spaces and punctuation is one word (a Vietnamese syllable counts as one).
public enum WordCount {
    /// Number of words in `text`.
    public static func of(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            if isWordScalar {
                if !inWord { count += 1; inWord = true }
            } else if scalar == "-" || scalar == "'" || scalar == "." || scalar == "," || scalar == "/" {
                // Joiners inside a token (26.500; 43/2011/NĐ-CP) do not end it.
                if !inWord { continue }
            } else {
                inWord = false
            }
        }
        return count
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The scalar whose UTF-8 encoding starts at `i`, and how many bytes it
    /// takes. The bytes must be valid UTF-8, as a `String`'s are: the code
    /// that walks text by byte (tokenizer, NFC scan, legacy-encoding scan)
    /// decodes with this rather than each on its own.
    @inline(__always)
    func scalar(at i: Int) -> (scalar: Unicode.Scalar, width: Int) {
        let lead = UInt32(self[i])
        let value: UInt32, width: Int
        if lead < 0x80 {
            (value, width) = (lead, 1)
        } else if lead < 0xE0 {
            (value, width) = ((lead & 0x1F) << 6 | UInt32(self[i + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            (value, width) = ((lead & 0x0F) << 12 | UInt32(self[i + 1] & 0x3F) << 6 | UInt32(self[i + 2] & 0x3F), 3)
        } else {
            (value, width) = ((lead & 0x07) << 18 | UInt32(self[i + 1] & 0x3F) << 12
                              | UInt32(self[i + 2] & 0x3F) << 6 | UInt32(self[i + 3] & 0x3F), 4)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}

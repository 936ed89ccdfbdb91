/// Upper bounds the decoder enforces before it allocates anything.
///
/// RouterOS publishes no limits; these are generous for configuration traffic
/// (a `/system/script` source is the largest value we expect) and small enough
/// that a hostile peer cannot make us allocate gigabytes.
public struct WireLimits: Hashable, Sendable {
    /// Largest single word, in bytes.
    public var maximumWordBytes: Int
    /// Largest sentence, counting the bytes of all its words.
    public var maximumSentenceBytes: Int
    /// Most words in one sentence.
    public var maximumWordsPerSentence: Int

    public init(maximumWordBytes: Int, maximumSentenceBytes: Int, maximumWordsPerSentence: Int) {
        self.maximumWordBytes = maximumWordBytes
        self.maximumSentenceBytes = maximumSentenceBytes
        self.maximumWordsPerSentence = maximumWordsPerSentence
    }

    /// 4 MiB words, 16 MiB sentences, 65,536 words.
    public static let `default` = WireLimits(
        maximumWordBytes: 4 << 20,
        maximumSentenceBytes: 16 << 20,
        maximumWordsPerSentence: 65_536
    )
}

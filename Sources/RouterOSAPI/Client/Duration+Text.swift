extension Duration {
    /// `10s`, `0.25s`: how reports and errors state a timeout or a wait.
    public var secondsText: String {
        let (seconds, attoseconds) = components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        return milliseconds == 0 ? "\(seconds)s" : "\(Double(seconds) + Double(milliseconds) / 1000)s"
    }
}

extension Duration {
    /// The duration in milliseconds, for tables and JSON.
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1e3 + Double(attoseconds) / 1e15
    }

    /// The duration in microseconds.
    var microseconds: Double { milliseconds * 1e3 }
}

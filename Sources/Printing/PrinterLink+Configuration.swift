extension PrinterLink {
    /// Deadlines and pacing. The defaults suit a thermal printer on a plant network.
    public struct Configuration: Sendable {
        public var connectTimeout: Duration
        /// A job's bytes must be taken by the printer within this time.
        public var writeTimeout: Duration
        /// Each status query must be answered within this time.
        public var readTimeout: Duration
        /// The first wait before reconnecting; it doubles up to `maximumReconnectDelay`.
        public var reconnectDelay: Duration
        public var maximumReconnectDelay: Duration
        /// Connection attempts in a row before queued jobs fail.
        public var reconnectAttempts: Int
        /// The wait between status polls while jobs are in the printer.
        public var pollInterval: Duration
        /// How long sent jobs may go without the odometer advancing, while the printer
        /// reports no fault that holds them, before they are reported unconfirmed.
        public var confirmationTimeout: Duration
        /// Jobs sent and not yet confirmed, at most: how many formats may wait in the printer.
        ///
        /// 16 by default. A thermal printer prints a few labels a second, and the link needs
        /// only a poll interval and a round trip of jobs waiting to keep it busy: 16 is over a
        /// second of printing at any line speed. A larger window does not print faster; it
        /// leaves more labels unconfirmed after a printer restart, more cancelled by `~JA`, and
        /// more of the receive buffer taken by graphic-heavy formats, where a full buffer stalls
        /// writes into the write timeout. Only the loopback bench would go faster (32: 10 µs a
        /// job, 64: 8 µs, against 14 µs).
        public var window: Int

        public init(connectTimeout: Duration = .seconds(3), writeTimeout: Duration = .seconds(5), readTimeout: Duration = .seconds(2),
                    reconnectDelay: Duration = .milliseconds(100), maximumReconnectDelay: Duration = .seconds(5),
                    reconnectAttempts: Int = 5, pollInterval: Duration = .milliseconds(50),
                    confirmationTimeout: Duration = .seconds(15), window: Int = 16) {
            self.connectTimeout = connectTimeout
            self.writeTimeout = writeTimeout
            self.readTimeout = readTimeout
            self.reconnectDelay = reconnectDelay
            self.maximumReconnectDelay = maximumReconnectDelay
            self.reconnectAttempts = max(1, reconnectAttempts)
            self.pollInterval = pollInterval
            self.confirmationTimeout = confirmationTimeout
            self.window = max(1, window)
        }
    }
}

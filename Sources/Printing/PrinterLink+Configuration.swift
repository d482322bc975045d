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
        /// Jobs sent and not yet confirmed, at least: how many formats may wait in the printer
        /// before its pace is known, and at any pace slower than `window` labels a `windowTime`.
        ///
        /// 16 by default: a thermal printer prints a few labels a second, and the link needs
        /// only a poll interval and a round trip of jobs waiting to keep it busy.
        public var window: Int
        /// Jobs sent and not yet confirmed, at most, however fast the printer proves it prints.
        public var maximumWindow: Int
        /// Above `window`, the link keeps in the printer twice the jobs it saw printed in this
        /// time: the window then doubles each round trip while the printer keeps up, and the
        /// jobs in doubt after a printer restart, cancelled by `~JA`, or holding the receive
        /// buffer are about two such times of printing, whatever the printer's speed: 16 on a
        /// real printer, hundreds on an emulated one that prints as fast as it reads.
        public var windowTime: Duration

        public init(connectTimeout: Duration = .seconds(3), writeTimeout: Duration = .seconds(5), readTimeout: Duration = .seconds(2),
                    reconnectDelay: Duration = .milliseconds(100), maximumReconnectDelay: Duration = .seconds(5),
                    reconnectAttempts: Int = 5, pollInterval: Duration = .milliseconds(50),
                    confirmationTimeout: Duration = .seconds(15), window: Int = 16,
                    maximumWindow: Int = 1024, windowTime: Duration = .seconds(1)) {
            self.connectTimeout = connectTimeout
            self.writeTimeout = writeTimeout
            self.readTimeout = readTimeout
            self.reconnectDelay = reconnectDelay
            self.maximumReconnectDelay = maximumReconnectDelay
            self.reconnectAttempts = max(1, reconnectAttempts)
            self.pollInterval = pollInterval
            self.confirmationTimeout = confirmationTimeout
            self.window = max(1, window)
            self.maximumWindow = max(self.window, maximumWindow)
            self.windowTime = windowTime
        }
    }
}

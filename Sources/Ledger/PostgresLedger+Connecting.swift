import PostgresNIO

extension PostgresLedger {
    /// Opens one connection and closes it again, before the pool is used. The pool keeps
    /// retrying a failed connection in the background and fails the queries waiting for it
    /// only after a minute, without the reason; this first attempt fails at once with its own
    /// (a refused password, an unknown database, no server, an untrusted certificate), or
    /// after `connectTimeout` when the server never answers.
    static func probe(_ configuration: Configuration, subject: String) async throws(LedgerError) {
        do {
            let connectionConfiguration = try configuration.connection
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    let connection = try await PostgresConnection.connect(configuration: connectionConfiguration, id: 0, logger: logger)
                    try await connection.close()
                }
                group.addTask {
                    try await Task.sleep(for: configuration.connectTimeout)
                    throw LedgerError(subject, .cannotOpen(
                        "the server did not answer within \(configuration.connectTimeout.components.seconds) s; check that it runs and the URL's host and port"))
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            throw ledgerError(error, subject: subject)
        }
    }
}

extension PostgresLedger.Configuration {
    var tlsConfiguration: TLSConfiguration {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        if let trustRootsFile { tlsConfiguration.trustRoots = .file(trustRootsFile) }
        return tlsConfiguration
    }

    /// The pool's settings.
    var client: PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS = switch self.tls {
        case .disable: .disable
        case .prefer: .prefer(tlsConfiguration)
        case .require: .require(tlsConfiguration)
        }
        var configuration = PostgresClient.Configuration(host: host, port: port, username: user, password: password,
                                                         database: database, tls: tls)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = connectTimeout
        return configuration
    }

    /// One connection's settings, as the pool would use them.
    var connection: PostgresConnection.Configuration {
        get throws {
            let tls: PostgresConnection.Configuration.TLS = switch self.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: tlsConfiguration))
            case .require: .require(try NIOSSLContext(configuration: tlsConfiguration))
            }
            var configuration = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                                 database: database, tls: tls)
            configuration.options.connectTimeout = TimeAmount(connectTimeout)
            return configuration
        }
    }
}

import PostgresNIO

extension PostgresLedger {
    static let unreachable = "cannot reach the PostgreSQL server"

    /// Our own errors pass through; the server's and the connection's become what an operator
    /// can act on. Every failure to reach or log in to the server is `.cannotOpen`, whenever
    /// it happens, so a caller can tell "the server is away" from a refused change.
    static func ledgerError(_ error: any Error, subject: String) -> LedgerError {
        if let error = error as? LedgerError { return error }
        if let error = error as? NIOSSLError {
            return LedgerError(subject, .cannotOpen("cannot set up TLS (\(error)); check that sslrootcert names a readable PEM file of CA certificates"))
        }
        // The pool's own error (its module is not a stable product to import): after failing
        // to connect for a minute it fails every waiting query, and new ones at once, until a
        // connection succeeds again.
        if String(describing: type(of: error)) == "ConnectionPoolError" {
            return LedgerError(subject, .cannotOpen("\(unreachable): no connection succeeded for a minute (\(error)); check that it runs and the URL"))
        }
        guard let error = error as? PSQLError else { return LedgerError(subject, .storage("\(error)")) }
        let state = error.serverInfo?[.sqlState]
        let message = error.serverInfo?[.message] ?? "\(error.code)"
        switch state {
        case "53100": return LedgerError(subject, .full)
        case "25006": return LedgerError(subject, .readOnly)
        case "3D000": return LedgerError(subject, .cannotOpen("no such database on the server (\(message)); check the URL's database name"))
        case "28000", "28P01":
            return LedgerError(subject, .cannotOpen(
                "the server refused the login (\(message)); check the user and the password (in the URL or \(LedgerLocation.passwordVariable))"))
        case "57P01", "57P02", "57P03":
            return LedgerError(subject, .cannotOpen("\(unreachable): it is shutting down or starting (\(message)); retry when it runs"))
        case let state? where state.hasPrefix("08"):
            return LedgerError(subject, .cannotOpen("\(unreachable): the connection failed (\(message), SQLSTATE \(state)); check the network"))
        case let state?: return LedgerError(subject, .storage("\(message) (SQLSTATE \(state))"))
        case nil: return connectionError(error, subject: subject)
        }
    }

    /// A failure with no answer from the server: the connection, TLS or authentication.
    private static func connectionError(_ error: PSQLError, subject: String) -> LedgerError {
        if let tls = error.underlying as? NIOSSLError {
            return LedgerError(subject, .cannotOpen(
                "the TLS handshake failed (\(tls)); the server's certificate must be signed by a CA in sslrootcert (or the system's) and name the URL's host"))
        }
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .poolClosed, .uncleanShutdown:
            let reason = error.underlying.map { "\($0)" } ?? "\(error.code)"
            return LedgerError(subject, .cannotOpen("\(unreachable) (\(reason)); check that it runs and the URL's host and port"))
        case .sslUnsupported:
            return LedgerError(subject, .cannotOpen("the server does not offer TLS, which sslmode=require asks for"))
        case .authMechanismRequiresPassword:
            return LedgerError(subject, .cannotOpen(
                "the server asks for a password; put it in the URL or in \(LedgerLocation.passwordVariable)"))
        default:
            return LedgerError(subject, .storage(String(reflecting: error)))
        }
    }
}

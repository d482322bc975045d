import Hummingbird
import Station

/// Reads `Authorization: Bearer <token>` and puts the configured user it names into the
/// context; refuses with 401 when the token is missing or unknown. Which role a route needs is
/// the route's own check (`APIOperation.role`), so one authenticator serves every route.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = StationRequestContext

    let users: [StationSettings.User]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw Self.refusal("the request has no Authorization header; send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Self.refusal("the Authorization header is not a bearer token; send Authorization: Bearer <token>")
        }
        guard let user = Self.user(presenting: Array(parts[1].utf8), among: users) else {
            throw Self.refusal("the bearer token is not one of this station's; ask the station's admin for yours")
        }
        var context = context
        context.user = user
        return try await next(request, context)
    }

    /// The user whose token equals `token`. Every user's token is compared in full, and each
    /// comparison takes the same time whatever the bytes, so the answer's timing does not
    /// reveal how much of a token was right.
    static func user(presenting token: [UInt8], among users: [StationSettings.User]) -> StationSettings.User? {
        var found: StationSettings.User?
        for user in users where !user.token.isEmpty {
            if constantTimeEqual(token, Array(user.token.utf8)) { found = user }
        }
        return found
    }

    static func constantTimeEqual(_ given: [UInt8], _ expected: [UInt8]) -> Bool {
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for index in given.indices {
            let other = expected.isEmpty ? 0 : expected[index % expected.count]
            difference |= given[index] ^ other
        }
        return difference == 0 && !given.isEmpty
    }

    private static func refusal(_ message: String) -> APIError {
        APIError(.unauthorized, "unauthenticated", message, headers: [.wwwAuthenticate: "Bearer"])
    }
}

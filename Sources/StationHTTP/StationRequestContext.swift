import Hummingbird
import Station

/// Hummingbird's request context plus the user the bearer token named, once
/// `BearerAuthenticator` has run.
public struct StationRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Nil on the open routes (`/health`, `/metrics`, `/openapi.json`, the dashboard's).
    public var user: StationSettings.User?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Refuses the request unless its user holds `role` or a higher one.
    func require(_ role: StationSettings.Role) throws(APIError) {
        guard let user else {
            throw APIError(.unauthorized, "unauthenticated", "this route needs a bearer token (Authorization: Bearer <token>)",
                           headers: [.wwwAuthenticate: "Bearer"])
        }
        guard user.role >= role else {
            throw APIError(.forbidden, "forbidden",
                           "\(user.name) is \(user.role.rawValue); this needs the role \(role.rawValue) or higher")
        }
    }
}

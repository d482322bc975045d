import Foundation
import Hummingbird
import Logging

/// Turns every error into a JSON `APIErrorBody` answer: ours as they are, Hummingbird's own
/// (an unknown route) with a stable code, and anything unexpected as a 500 that is logged, so
/// no client ever sees an empty or HTML error.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            if error.status.code >= 500 {
                context.logger.error("request refused", metadata: ["http.path": "\(request.uri.path)", "error": "\(error)"])
            }
            return try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            return Self.answer(to: error.status, request: request)
        } catch {
            context.logger.error("request failed", metadata: ["http.path": "\(request.uri.path)", "error": "\(error)"])
            return try APIError(.internalServerError, "internal", "the station failed to answer (\(error)); the request may be retried")
                .response(from: request, context: context)
        }
    }

    private static func answer(to status: HTTPResponse.Status, request: Request) -> Response {
        let body = switch status {
        case .notFound:
            APIErrorBody(error: "not-found", message: "no route \(request.method) \(request.uri.path); GET /openapi.json lists the routes")
        case .contentTooLarge:
            APIErrorBody(error: "too-large", message: "the request body is over the limit")
        default:
            APIErrorBody(error: status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "-"),
                         message: "\(status.code) \(status.reasonPhrase)")
        }
        return JSONResponse.make(body, status: status)
    }
}

import Hummingbird

/// Times every request and counts its answer, by the route's template rather than its path,
/// so the series stay few whatever ids clients send.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: StationMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context: context, status: Int(response.status.code), since: start)
            return response
        } catch let error as any HTTPResponseError {
            record(request, context: context, status: Int(error.status.code), since: start)
            throw error
        } catch {
            record(request, context: context, status: 500, since: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let route = context.endpointPath.flatMap { $0 == "NotFound" ? nil : $0 } ?? "unmatched"
        metrics.requestAnswered(method: request.method.rawValue, route: route, status: status, duration: .now - start)
    }
}

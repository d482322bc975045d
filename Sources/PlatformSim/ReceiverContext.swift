import Hummingbird

/// Hummingbird's request context, plus a way to close the request's connection without an
/// answer, as a failing network would.
struct ReceiverContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let dropConnection: @Sendable () -> Void

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        dropConnection = { channel.close(promise: nil) }
    }
}

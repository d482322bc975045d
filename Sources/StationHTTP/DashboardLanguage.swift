import Foundation

/// The languages the dashboard speaks. A screen on the floor is set once by its URL
/// (`?lang=zh`); a browser without one gets what its `Accept-Language` prefers.
enum DashboardLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// `lang` when it names a language of ours, else the best of `Accept-Language` we speak
    /// (by its q-values), else English. An unknown `lang` falls back rather than fails, so a
    /// mistyped link still shows the floor something.
    static func choose(query: String?, acceptLanguage: String?) -> DashboardLanguage {
        if let query, let language = DashboardLanguage(rawValue: query.lowercased()) { return language }
        var best: (language: DashboardLanguage, quality: Double)?
        for range in (acceptLanguage ?? "").split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            let primary = parts.first?.split(separator: "-").first.map(String.init) ?? ""
            guard let language = DashboardLanguage(rawValue: primary) else { continue }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > 0, quality > best?.quality ?? 0 { best = (language, quality) }
        }
        return best?.language ?? .english
    }
}

/// What reading a station's configuration found: the settings when they are valid, every
/// error and warning, and where each value came from, for `tracestation config check`.
public struct StationConfigurationCheck: Sendable {
    /// The file read, or nil for the embedded defaults.
    public var file: String?
    /// The resolved settings, environment overrides applied; nil when there are errors.
    public var settings: StationSettings?
    public var errors: [StationConfigurationError.Problem]
    /// Valid but unwise, such as a token written in the file: the station starts anyway.
    public var warnings: [StationConfigurationError.Problem]
    /// The environment variables that replaced a value, by name, with the value they set.
    public var overrides: [String: String]
    /// For each user whose token came from the environment, the variable's name.
    public var tokenVariables: [String: String]

    public init(file: String?, settings: StationSettings?, errors: [StationConfigurationError.Problem] = [],
                warnings: [StationConfigurationError.Problem] = [], overrides: [String: String] = [:],
                tokenVariables: [String: String] = [:]) {
        self.file = file
        self.settings = settings
        self.errors = errors
        self.warnings = warnings
        self.overrides = overrides
        self.tokenVariables = tokenVariables
    }

    /// The settings, or the errors as one error.
    public func get() throws(StationConfigurationError) -> StationSettings {
        guard let settings, errors.isEmpty else { throw StationConfigurationError(errors) }
        return settings
    }
}

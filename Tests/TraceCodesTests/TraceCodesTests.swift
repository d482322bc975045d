import Testing
@testable import TraceCodes

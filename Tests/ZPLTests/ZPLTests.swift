import Testing
@testable import ZPL

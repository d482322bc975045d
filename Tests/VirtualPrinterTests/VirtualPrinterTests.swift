import Testing
@testable import VirtualPrinter

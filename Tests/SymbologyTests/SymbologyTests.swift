import Testing
@testable import Symbology

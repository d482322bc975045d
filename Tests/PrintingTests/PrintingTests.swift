import Testing
@testable import Printing

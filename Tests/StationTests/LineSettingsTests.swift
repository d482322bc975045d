import Station
import Testing

@Suite("Station settings")
struct LineSettingsTests {
    @Test("Roles are ordered operator < quality < lead < admin")
    func rolesOrdered() {
        #expect(StationSettings.Role.allCases.sorted() == [.operator_, .quality, .lead, .admin])
        #expect(StationSettings.Role.operator_ < .lead)
        #expect(!(StationSettings.Role.admin < .lead))
    }
}

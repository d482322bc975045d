/// Every string the dashboard shows, English and Chinese side by side: one exhaustive switch,
/// so a phrase cannot be added in one language and forgotten in the other.
///
/// The raw values of the counts, line states and printer states are their stable names in
/// `LineBody` and `Reconciliation.fields`, so a name from the data finds its phrase.
enum DashboardText: String, CaseIterable, Sendable {
    case title, station, switchLanguage, withoutScript, updated, stale
    case idle, running, paused, stopped, reason
    case batch, noBatch, progress
    case issued, sent, printed, printedConfirmed = "printed_confirmed", verifiedPass = "verified_pass", verifiedFail = "verified_fail"
    case voided, unconfirmed, remaining, good, target, reprinted, unused, reported, acknowledged
    case printer, ready, fault, offline, problems, inPrinter = "in_printer", noProblems
    case latestLabels, noLabels, grades, gradesCaption
    case reconciliation, balanced, notBalanced
    case openBatches, noOpenBatches, lot, gtin, quantity, created, noLines
    case unavailable
    // The plant view; the totals' raw values are their keys in `PlantBody`.
    case plantTitle, plantView, stationLines, line, state, lastUpdate, notReportingSince, plantTotals, noPublishedLines
    case stations, lines, reporting, notReporting = "not_reporting", verified

    /// The phrase in `language`.
    func text(_ language: DashboardLanguage) -> String {
        let (english, chinese) = translations
        return language == .chinese ? chinese : english
    }

    /// The phrase named `name` (a count or state), or `name` itself for one we have no phrase for.
    static func text(named name: String, _ language: DashboardLanguage) -> String {
        DashboardText(rawValue: name)?.text(language) ?? name
    }

    private var translations: (String, String) {
        switch self {
        case .title: ("Line dashboard", "产线看板")
        case .station: ("Station", "工位")
        // Each language's link names the other, in that language, for whoever reads it.
        case .switchLanguage: ("中文", "English")
        case .withoutScript: ("Live updates need JavaScript; without it this page reloads every 10 seconds.",
                              "实时更新需要 JavaScript；否则本页每 10 秒刷新一次。")
        case .updated: ("Updated", "更新于")
        case .stale: ("No answer from the station; showing the last data.", "工位无响应；显示的是最后一次的数据。")
        case .idle: ("Idle", "空闲")
        case .running: ("Running", "运行中")
        case .paused: ("Paused", "已暂停")
        case .stopped: ("Stopped", "已停止")
        case .reason: ("Reason", "原因")
        case .batch: ("Batch", "批次")
        case .noBatch: ("No batch", "无批次")
        case .progress: ("Good / target", "合格 / 目标")
        case .issued: ("Issued", "已发码")
        case .sent: ("Sent", "已发送")
        case .printed: ("Printed", "已打印")
        case .printedConfirmed: ("Printed, not verified", "已打印未校验")
        case .verifiedPass: ("Verified pass", "校验通过")
        case .verifiedFail: ("Verified fail", "校验失败")
        case .voided: ("Voided", "已作废")
        case .unconfirmed: ("Unconfirmed", "未确认")
        case .remaining: ("Remaining", "剩余")
        case .good: ("Good", "合格")
        case .target: ("Target", "目标")
        case .reprinted: ("Reprinted", "补打")
        case .unused: ("Unused", "未使用")
        case .reported: ("Reported", "已上报")
        case .acknowledged: ("Acknowledged", "已确认接收")
        case .printer: ("Printer", "打印机")
        case .ready: ("Ready", "就绪")
        case .fault: ("Fault", "故障")
        case .offline: ("Offline", "离线")
        case .problems: ("Problems", "问题")
        case .inPrinter: ("Labels in printer", "打印机内标签")
        case .noProblems: ("none", "无")
        case .latestLabels: ("Latest labels", "最新标签")
        case .noLabels: ("No labels printed yet", "尚未打印标签")
        case .grades: ("Verification grades over time", "校验等级趋势")
        case .gradesCaption: ("Grade of each verified label, A (4) to F (0); failures in red.", "每个已校验标签的等级，A（4）至 F（0）；红色为未通过。")
        case .reconciliation: ("Reconciliation of the batch", "批次对账")
        case .balanced: ("Balanced", "已平衡")
        case .notBalanced: ("Not balanced", "未平衡")
        case .openBatches: ("Open batches", "未关闭的批次")
        case .noOpenBatches: ("No open batches", "没有未关闭的批次")
        case .lot: ("Lot", "批号")
        case .gtin: ("GTIN", "GTIN")
        case .quantity: ("Quantity", "数量")
        case .created: ("Created", "创建时间")
        case .noLines: ("This station has no lines.", "本工位没有产线。")
        case .unavailable: ("Not running", "未运行")
        case .plantTitle: ("Plant dashboard", "全厂看板")
        case .plantView: ("All lines of the plant", "全厂产线")
        case .stationLines: ("This station's lines", "本工位产线")
        case .line: ("Line", "产线")
        case .state: ("State", "状态")
        case .lastUpdate: ("Last update", "最后更新")
        // The time follows the phrase in both languages.
        case .notReportingSince: ("Not reporting since", "未上报，最后更新于")
        case .plantTotals: ("Plant totals", "全厂合计")
        case .noPublishedLines: ("No station has published its lines to this ledger yet.", "尚无工位向本账本上报产线状态。")
        case .stations: ("Stations", "工位数")
        case .lines: ("Lines", "产线数")
        case .reporting: ("Reporting", "正常上报")
        case .notReporting: ("Not reporting", "未上报")
        case .verified: ("Verified pass / fail", "校验通过 / 失败")
        }
    }
}

/// The JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the request and answer bodies.
enum OpenAPISchemas {
    private static let string: JSONValue = ["type": "string"]
    private static let integer: JSONValue = ["type": "integer"]
    private static let int64: JSONValue = ["type": "integer", "format": "int64"]
    private static let boolean: JSONValue = ["type": "boolean"]
    private static let strings: JSONValue = ["type": "array", "items": ["type": "string"]]

    private static func nullable(_ type: String) -> JSONValue { ["type": [.string(type), "null"]] }

    private static func object(_ properties: [String: JSONValue], required: [String], additional: Bool = false) -> JSONValue {
        ["type": "object", "properties": .object(properties), "required": .array(required.map { .string($0) }),
         "additionalProperties": .bool(additional)]
    }

    static let reconciliationCounts = [
        "issued", "sent", "printed_confirmed", "unconfirmed", "verified_pass", "verified_fail", "voided", "reprinted", "unused", "printed",
    ]

    static let lineCounts = ["run", "target", "issued", "printed", "verified_pass", "verified_fail", "voided", "unconfirmed", "good", "remaining",
                             "unmatched_images"]

    static let plantTotals = ["stations", "lines", "reporting", "not_reporting", "issued", "printed", "verified_pass", "verified_fail",
                              "voided", "unconfirmed", "good", "target"]

    /// A line's keys: `Line` has these alone, a dashboard line these and its reconciliation and chart.
    private static let lineProperties: [String: JSONValue] = Dictionary(uniqueKeysWithValues: lineCounts.map { ($0, integer) }).merging([
        "line": string, "state": Schema.enumeration(["idle", "running", "paused", "stopped", "unavailable"]), "reason": nullable("string"),
        "batch": nullable("integer"), "mode": ["type": ["string", "null"], "enum": ["continuous", "trigger", .null]],
        "unconfirmed_codes": strings, "printer": Schema.ref("LinePrinter"), "label_images": strings,
        "verdicts": ["type": "array", "items": object([
            "time": ["type": "string", "format": "date-time"], "code": string, "passed": boolean, "grade": nullable("string"),
            "score": nullable("number"),
        ], required: ["time", "code", "passed", "grade", "score"])],
    ]) { $1 }
    private static let lineRequired = ["line", "state", "reason", "batch", "mode", "unconfirmed_codes", "printer", "label_images", "verdicts"] + lineCounts

    static let all: [String: JSONValue] = [
        "APIErrorBody": object([
            "error": ["type": "string", "description": "A stable code for scripts, such as `batch-closed` or `forbidden`."],
            "message": ["type": "string", "description": "What failed, on which input, and what to do."],
            "field": ["type": "string", "description": "The input the error is about, when there is one."],
        ], required: ["error", "message"]),

        "Health": object([
            "status": Schema.enumeration(["ok", "offline", "unavailable"]), "station_id": string, "ledger_reachable": boolean,
            "ledger_error": string, "offline_steps_pending": integer, "offline_steps_refused": integer,
        ], required: ["status", "station_id", "ledger_reachable"]),

        "Product": object([
            "gtin": string, "name": string, "model": string, "category": string, "brand": string, "standard": string,
            "licence": string, "code_scheme": string, "inspection": ["type": "object"],
        ], required: ["gtin", "name", "code_scheme"], additional: true),
        "ProductList": object(["products": ["type": "array", "items": Schema.ref("Product")]], required: ["products"]),

        "CreateBatch": object([
            "gtin": ["type": "string", "description": "GTIN-8, -12, -13 or -14 with its check digit."],
            "lot": ["type": "string", "description": "AI (10): 1 to 20 characters of GS1 CSET 82."],
            "production_date": ["type": "string", "pattern": "^[0-9]{6}$", "description": "YYMMDD, AI (11)."],
            "quantity": ["type": "integer", "minimum": 1, "maximum": .integer(CreateBatchRequest.maximumQuantity)],
            "overage_percent": ["type": "integer", "minimum": 0, "maximum": 100, "default": .integer(5)],
        ], required: ["gtin", "lot", "quantity"]),

        "Batch": object([
            "id": int64, "gtin": string, "lot": string, "production_date": nullable("string"), "quantity": integer,
            "overage_percent": integer, "limit": integer, "domain": string, "serial_length": integer,
            "created_at": ["type": "string", "format": "date-time"], "state": Schema.enumeration(["open", "closed"]),
            "issued": integer, "reconciliation": Schema.ref("Reconciliation"),
        ], required: ["id", "gtin", "lot", "production_date", "quantity", "overage_percent", "limit", "domain", "serial_length",
                      "created_at", "state", "issued"]),
        "BatchList": object(["batches": ["type": "array", "items": Schema.ref("Batch")]], required: ["batches"]),

        "Reconciliation": object(
            Dictionary(uniqueKeysWithValues: reconciliationCounts.map { ($0, integer) }).merging([
                "scope": ["type": "object", "properties": ["batch": int64, "from": string, "to": string]],
                "reported": integer, "acknowledged": integer, "balanced": boolean, "problems": strings,
            ]) { $1 },
            required: ["scope"] + reconciliationCounts + ["balanced", "problems"]),

        "CloseBatch": object([
            "override": object(["reason": ["type": "string", "minLength": 1]], required: ["reason"]),
        ], required: []),
        "Checkpoint": object([
            "batch": int64, "state": Schema.enumeration(["closed"]), "last_seq": int64, "last_hash": string, "public_key": string,
            "signature": string, "counts": Schema.ref("Reconciliation"),
            "override": object(["reason": string, "lead": string], required: ["reason", "lead"]),
        ], required: ["batch", "state", "last_seq", "last_hash", "public_key", "signature", "counts"]),

        "VoidLabel": object([
            "code": ["type": "string", "description": "The label's code as issued: its Digital Link URI."],
            "reason": ["type": "string", "minLength": 1],
            "replace": ["type": "boolean", "default": false, "description": "Also issue a replacement code (a reprint), linked to it."],
            "line": ["type": "string", "description": "The line the label was on, for the metrics."],
        ], required: ["code", "reason"]),
        "Void": object([
            "voided": string, "reason": string, "batch": int64,
            "replacement": object(["code": string, "element_string": string, "serial": string, "batch": int64],
                                  required: ["code", "element_string", "serial", "batch"]),
        ], required: ["voided", "reason", "batch"]),

        "VerificationResult": object([
            "file": string,
            "status": Schema.enumeration(["pass", "fail", "wrong", "duplicate", "unreadable", "error"]),
            "expected": string, "read": string, "symbology": string, "grade": ["type": "object"],
            "reason": Schema.enumeration(["other-batch", "voided", "not-issued", "verified-pass", "verified-fail", "low-grade", "ungradable"]),
            "batch": int64, "recorded": strings, "ms": ["type": "number"], "error": string,
        ], required: ["file", "status", "ms"]),

        "StartLine": object([
            "batch": ["type": "integer", "format": "int64", "minimum": 1, "description": "An open batch."],
            "count": ["type": "integer", "minimum": 1, "maximum": .integer(CreateBatchRequest.maximumQuantity),
                      "description": "Good labels to print; required in continuous mode, refused in trigger mode."],
            "mode": Schema.enumeration(["continuous", "trigger"]),
        ], required: ["batch"]),
        "LinePrinter": object([
            "connected": boolean, "state": Schema.enumeration(["ready", "fault", "offline"]), "problems": strings, "pauses": integer,
            "in_printer": integer,
        ], required: ["connected", "state", "problems", "pauses", "in_printer"]),
        "Line": object(lineProperties, required: lineRequired),
        "LineList": object(["lines": ["type": "array", "items": Schema.ref("Line")]], required: ["lines"]),
        "DashboardStatus": object([
            "lines": ["type": "array", "items": object(lineProperties.merging([
                "reconciliation": ["oneOf": [Schema.ref("Reconciliation"), ["type": "null"]]],
                "chart": ["type": "string", "description": "The grade chart as SVG markup."],
            ]) { $1 }, required: lineRequired + ["reconciliation", "chart"])],
            "open_batches": ["type": "array", "items": Schema.ref("Batch")],
            "updated": ["type": "string", "format": "date-time"],
        ], required: ["lines", "open_batches", "updated"]),

        "Plant": object([
            "generated_at": ["type": "string", "format": "date-time"], "generated_at_ms": int64,
            "stale_after_seconds": ["type": "number", "description": "A line published longer ago than this is not reporting."],
            "stations": ["type": "array", "items": object([
                "station": string,
                "lines": ["type": "array", "items": object([
                    "line": string, "updated_at": ["type": "string", "format": "date-time"], "updated_at_ms": int64,
                    "age_seconds": ["type": "number"],
                    "reporting": ["type": "boolean", "description": "False when the line was not published within the staleness: its station may be down."],
                    "status": ["oneOf": [Schema.ref("Line"), ["type": "null"]],
                               "description": "The line as its station's /api/v1/lines/{line} showed it when published."],
                ], required: ["line", "updated_at", "updated_at_ms", "age_seconds", "reporting", "status"])],
            ], required: ["station", "lines"])],
            "totals": object(Dictionary(uniqueKeysWithValues: plantTotals.map { ($0, integer) }), required: plantTotals),
        ], required: ["generated_at", "generated_at_ms", "stale_after_seconds", "stations", "totals"]),

        "OfflineJournal": object([
            "pending": integer, "refused": integer,
            "refused_steps": ["type": "array", "items": object([
                "seq": int64, "time": string, "batch": integer, "code": string, "event": string, "reason": string,
            ], required: ["seq", "time", "code", "event", "reason"])],
        ], required: ["pending", "refused", "refused_steps"]),
        "Audit": object([
            "intact": boolean, "events_checked": int64, "last_hash": string, "checkpoints_verified": integer,
            "first_broken_event": nullable("integer"), "findings": strings, "summary": string,
        ], required: ["intact", "events_checked", "last_hash", "checkpoints_verified", "first_broken_event", "findings", "summary"]),
    ]
}

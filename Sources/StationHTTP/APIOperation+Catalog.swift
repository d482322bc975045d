/// Every route the station serves. The OpenAPI document is built from this list, and a test
/// checks that the router serves exactly these routes.
extension APIOperation {
    static let all: [APIOperation] = [
        health, metrics, openAPI, listProducts, listBatches, createBatch, getBatch, closeBatch, voidLabel, verifyImage,
        reconciliation, audit, offlineJournal,
    ] + lineRoutes + dashboardRoutes + plantRoutes

    /// What `serve --plant` serves: the plant view, health and metrics.
    static let plantOnly: [APIOperation] = [health, metrics, openAPI, plantRoot] + plantRoutes

    private static let batchParameter = Parameter(name: "batch", location: .path, description: "The batch id.", schema: Schema.batchID)
    private static let badBatch = Answer.error(400, "The batch id is not a positive integer (`invalid-parameter`).")
    private static let unknownBatch = Answer.error(404, "No such batch (`batch-not-found`).")
    private static let ledgerDown = Answer.error(503, "The ledger cannot be read or written now (`ledger-unavailable`, `ledger-busy`); retry.")
    private static let jsonErrors: [Answer] = [
        .error(400, "The body is not JSON (`malformed-json`), or a path parameter is unusable (`invalid-parameter`)."),
        .error(413, "The body is over 64 KiB (`too-large`)."),
        .error(415, "The Content-Type is not application/json (`unsupported-media-type`)."),
    ]

    static let health = APIOperation(
        id: "health", method: .get, path: "/health", summary: "Whether the station can serve: its id and whether the ledger answers.",
        role: nil,
        answers: [
            .init(status: 200, description: "The station serves and its ledger answers.", content: Schema.json("Health")),
            .init(status: 503, description: "The ledger cannot be read; `ledger_error` says why.", content: Schema.json("Health")),
        ])

    static let metrics = APIOperation(
        id: "metrics", method: .get, path: "/metrics", summary: "Prometheus metrics in the text exposition format 0.0.4.", role: nil,
        answers: [.init(status: 200, description: "The metrics.", content: ["text/plain; version=0.0.4": Schema.string])])

    static let openAPI = APIOperation(
        id: "openapi", method: .get, path: "/openapi.json", summary: "This document.", role: nil,
        answers: [.init(status: 200, description: "The OpenAPI 3.1 document of this API.", content: ["application/json": ["type": "object"]])])

    static let listProducts = APIOperation(
        id: "listProducts", method: .get, path: "/api/v1/products",
        summary: "The reporting profile's products, by GTIN-14; empty when the station has no profile.", role: .operator_,
        answers: [.init(status: 200, description: "The products.", content: Schema.json("ProductList"))])

    static let listBatches = APIOperation(
        id: "listBatches", method: .get, path: "/api/v1/batches", summary: "Every batch, oldest first.", role: .operator_,
        answers: [.init(status: 200, description: "The batches.", content: Schema.json("BatchList")), ledgerDown])

    static let createBatch = APIOperation(
        id: "createBatch", method: .post, path: "/api/v1/batches",
        summary: "Creates an open batch of one product; its codes are issued as the line runs.", role: .lead,
        body: Body(description: "The batch.", content: Schema.json("CreateBatch"), required: true),
        answers: [
            .init(status: 201, description: "The batch, open, with no codes issued.", content: Schema.json("Batch")),
        ] + jsonErrors + [
            .error(422, "A field is missing, unknown or breaks its rule (`missing-field`, `unknown-field`, `invalid-field`, `unknown-product`); `field` names it."),
            ledgerDown,
        ])

    static let getBatch = APIOperation(
        id: "getBatch", method: .get, path: "/api/v1/batches/{batch}", summary: "One batch with its reconciliation counts.",
        role: .operator_, parameters: [batchParameter],
        answers: [.init(status: 200, description: "The batch.", content: Schema.json("Batch")), badBatch, unknownBatch, ledgerDown])

    static let closeBatch = APIOperation(
        id: "closeBatch", method: .post, path: "/api/v1/batches/{batch}/close",
        summary: "Closes a batch with a signed checkpoint. An unbalanced batch closes only with `override`, recorded with the lead's name.",
        role: .lead, parameters: [batchParameter],
        body: Body(description: "Empty or `{}` for a balanced batch.", content: Schema.json("CloseBatch"), required: false),
        answers: [
            .init(status: 200, description: "The batch is closed; the signed checkpoint.", content: Schema.json("Checkpoint")),
        ] + jsonErrors + [
            unknownBatch,
            .error(409, "The batch is closed already (`batch-closed`) or does not balance and no override was given (`unbalanced`)."),
            .error(422, "`override.reason` is missing or empty, or another field is wrong."),
            .error(503, "No checkpoint signing key is configured (`no-signing-key`), or the ledger is unavailable."),
        ])

    static let voidLabel = APIOperation(
        id: "voidLabel", method: .post, path: "/api/v1/batches/{batch}/voids",
        summary: "Voids one label of the batch with a reason; with `replace` also issues its replacement, linked to it.",
        role: .quality, parameters: [batchParameter],
        body: Body(description: "The label and why it is voided.", content: Schema.json("VoidLabel"), required: true),
        answers: [
            .init(status: 201, description: "The label is voided (and its replacement issued).", content: Schema.json("Void")),
        ] + jsonErrors + [
            unknownBatch,
            .error(409, "The batch is closed (`batch-closed`), the label is voided already (`illegal-transition`), or the batch has no codes left for a replacement (`over-issue`)."),
            .error(422, "The code was not issued (`unknown-code`) or is another batch's (`code-in-other-batch`), the reason is empty, or the line is unknown."),
            ledgerDown,
        ])

    static let verifyImage = APIOperation(
        id: "verifyImage", method: .post, path: "/api/v1/batches/{batch}/verifications",
        summary: "Verifies one label image against the batch and records a pass or fail in the ledger, as `tracestation verify --batch` does.",
        role: .operator_,
        parameters: [
            batchParameter,
            Parameter(name: "line", location: .query,
                      description: "The line the image comes from: its minimum grade applies and its metrics count the verdict.",
                      schema: Schema.string),
        ],
        body: Body(description: "The image itself, up to 16 MiB.", content: [
            "image/png": ["type": "string", "contentMediaType": "image/png"],
            "image/jpeg": ["type": "string", "contentMediaType": "image/jpeg"],
            "image/x-portable-anymap": ["type": "string", "contentMediaType": "image/x-portable-anymap"],
        ], required: true),
        answers: [
            .init(status: 200, description: "The verdict: `pass` and `fail` are recorded (see `recorded`); `wrong`, `duplicate` and `unreadable` record nothing.",
                  content: Schema.json("VerificationResult")),
            .error(400, "The line parameter or the batch id is unusable (`invalid-parameter`)."),
            unknownBatch,
            .error(409, "The batch is closed (`batch-closed`)."),
            .error(413, "The image is over the limit (`too-large`)."),
            .error(415, "The Content-Type is not image/png, image/jpeg or image/x-portable-anymap (`unsupported-media-type`)."),
            .error(422, "The body is not a readable image (`unreadable-image`)."),
            ledgerDown,
        ])

    static let reconciliation = APIOperation(
        id: "reconcileBatch", method: .get, path: "/api/v1/batches/{batch}/reconciliation",
        summary: "The batch's counts by label state and whether they balance, as JSON, CSV or a self-contained HTML page.",
        role: .operator_,
        parameters: [
            batchParameter,
            Parameter(name: "format", location: .query, description: "json (the default), csv or html.",
                      schema: Schema.enumeration(["json", "csv", "html"])),
        ],
        answers: [
            .init(status: 200, description: "The reconciliation.", content: [
                "application/json": Schema.ref("Reconciliation"), "text/csv": Schema.string, "text/html": Schema.string,
            ]),
            .error(400, "The format is not json, csv or html, or the batch id is unusable (`invalid-parameter`)."),
            unknownBatch, ledgerDown,
        ])

    static let offlineJournal = APIOperation(
        id: "getOfflineJournal", method: .get, path: "/api/v1/offline-journal",
        summary: "On a shared PostgreSQL ledger: the label steps this station keeps in its offline journal, waiting for the ledger, and the latest 100 the ledger refused on replay (its batch closed meanwhile, say), each with the reason, for the lead to settle.",
        role: .lead,
        answers: [
            .init(status: 200, description: "The journal's counts and its refused steps, newest first.", content: Schema.json("OfflineJournal")),
            .error(404, "The station's ledger is its own file, with no offline journal (`no-offline-journal`)."),
            ledgerDown,
        ])

    static let audit = APIOperation(
        id: "verifyAudit", method: .get, path: "/api/v1/audit",
        summary: "Checks the ledger's hash chain, its signed checkpoints and its derived tables, as `tracestation audit verify` does.",
        role: .quality,
        parameters: [
            Parameter(name: "trusted_key", location: .query,
                      description: "The Ed25519 public key (64 hex digits) every checkpoint must be signed by; without it any valid signature is accepted.",
                      schema: ["type": "string", "pattern": "^[0-9a-fA-F]{64}$"]),
        ],
        answers: [
            .init(status: 200, description: "The audit; `intact` is false when a finding was made.", content: Schema.json("Audit")),
            .error(400, "The trusted key is not 64 hex digits of an Ed25519 public key (`invalid-parameter`)."),
            ledgerDown,
        ])
}

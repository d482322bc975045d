/// The station's memory: durable code issuance, label lifecycle, hash-chained audit, reconciliation.
public enum Ledger {}

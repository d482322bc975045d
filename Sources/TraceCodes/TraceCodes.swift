/// Trace-code schemes and validators (GS1, Ecode, CCC, licence, USCC, digital identity codes).
public enum TraceCodes {}

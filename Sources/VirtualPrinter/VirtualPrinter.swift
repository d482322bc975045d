/// An emulated ZPL printer on TCP that renders what it receives.
public enum VirtualPrinter {}

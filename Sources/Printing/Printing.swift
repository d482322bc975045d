/// The link to one label printer: its connection, job queue, status and confirmation.
public enum Printing {}

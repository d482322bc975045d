/// Label templates, printer profiles, layout in printer dots, and rendering to PNG and ZPL.
public enum Labels {}

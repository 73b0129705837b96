package org.peershelf.app.desktop.status;

/** The registry light in the status bar. */
public enum RegistryStatus {
    CONNECTING,
    CONNECTED,
    UNREACHABLE
}

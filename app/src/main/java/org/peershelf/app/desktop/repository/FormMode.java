package org.peershelf.app.desktop.repository;

/** What the metadata form beside the repository table is for: adding files, editing details, a new version. */
public enum FormMode {
    ADD("Add to my repository", "Add"),
    EDIT("Edit the details", "Save"),
    NEW_VERSION("New version", "Add the new version");

    private final String heading;
    private final String action;

    FormMode(String heading, String action) {
        this.heading = heading;
        this.action = action;
    }

    public String heading() {
        return heading;
    }

    public String action() {
        return action;
    }
}

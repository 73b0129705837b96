package org.peershelf.app.desktop.shell;

import java.util.Arrays;
import java.util.Optional;

/** The main window's tabs, in the order a person needs them (issue 5); {@code id} is what the settings remember. */
public enum MainTab {
    REPOSITORY("repository", "My Repository"),
    EXPLORE("explore", "Explore"),
    DOWNLOADS("downloads", "Downloads"),
    CHATS("chats", "Chats"),
    PEERS("peers", "Peers");

    private final String id;
    private final String title;

    MainTab(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public static Optional<MainTab> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}

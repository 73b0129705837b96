package org.peershelf.app.desktop.shell;

import java.util.Map;
import javafx.scene.Node;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.peershelf.app.desktop.notify.NoticeBar;
import org.peershelf.app.desktop.notify.NotificationCenter;
import org.peershelf.app.desktop.settings.Theme;

/**
 * The main window's content: menu, notices, the tabs in their fixed order, the status bar. Keyboard
 * shortcuts live on menu items so they are discoverable: Ctrl+1…5 tabs, Ctrl+F search, Ctrl+Q quit.
 */
final class MainWindow extends BorderPane {
    /** The node a tab may offer for Ctrl+F; found by this id inside the Explore tab. */
    static final String SEARCH_FIELD_ID = "searchField";

    private final TabPane tabs = new TabPane();

    MainWindow(MainViewModel model, Map<MainTab, Node> content, Node statusBar, NotificationCenter notices,
               Runnable quit) {
        setId("mainWindow");
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (MainTab tab : MainTab.values()) {
            Tab t = new Tab(tab.title(), content.get(tab));
            t.setId("tab-" + tab.id());
            t.setUserData(tab);
            tabs.getTabs().add(t);
        }
        tabs.getSelectionModel().select(MainTab.valueOf(model.selectedTabProperty().get().name()).ordinal());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                model.selectedTabProperty().set((MainTab) now.getUserData()));
        model.selectedTabProperty().addListener((obs, old, now) -> tabs.getSelectionModel().select(now.ordinal()));
        tabs.disableProperty().bind(model.leavingProperty());

        setTop(new VBox(menu(model, quit), new NoticeBar(notices)));
        setCenter(tabs);
        setBottom(statusBar);
    }

    private MenuBar menu(MainViewModel model, Runnable quit) {
        MenuItem leave = new MenuItem("Quit (go offline)");
        leave.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        leave.setOnAction(e -> quit.run());
        Menu file = new Menu("PeerShelf", null, leave);

        Menu go = new Menu("Go");
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5};
        for (MainTab tab : MainTab.values()) {
            MenuItem item = new MenuItem(tab.title());
            item.setAccelerator(new KeyCodeCombination(digits[tab.ordinal()], KeyCombination.SHORTCUT_DOWN));
            item.setOnAction(e -> model.selectedTabProperty().set(tab));
            go.getItems().add(item);
        }
        MenuItem search = new MenuItem("Search repositories");
        search.setId("menuSearch");
        search.setAccelerator(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN));
        search.setOnAction(e -> focusSearch(model));
        go.getItems().addAll(new SeparatorMenuItem(), search);

        // a plain item whose words say what it will do: a check item's accelerator does not toggle its mark
        MenuItem theme = new MenuItem();
        theme.setId("menuTheme");
        theme.textProperty().bind(Bindings.createStringBinding(() -> model.themeProperty().get() == Theme.DARK
                ? "Switch to light theme" : "Switch to dark theme", model.themeProperty()));
        theme.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        theme.setOnAction(e -> model.toggleTheme());
        Menu view = new Menu("View", null, theme);
        MenuBar bar = new MenuBar(file, go, view);
        bar.disableProperty().bind(model.leavingProperty());
        return bar;
    }

    private void focusSearch(MainViewModel model) {
        model.selectedTabProperty().set(MainTab.EXPLORE);
        Node field = tabs.getTabs().get(MainTab.EXPLORE.ordinal()).getContent().lookup("#" + SEARCH_FIELD_ID);
        if (field != null) {
            field.requestFocus();
        }
    }
}

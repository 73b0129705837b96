package org.peershelf.app.desktop.ui;

/** TestFX on Monocle headless (DESIGN.md section 7): set before the toolkit starts. */
final class Headless {
    private Headless() {
    }

    static void configure() {
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
    }
}

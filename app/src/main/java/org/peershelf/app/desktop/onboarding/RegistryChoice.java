package org.peershelf.app.desktop.onboarding;

/** Where this device finds the others: a registry on this computer, or the lab's shared one. */
public enum RegistryChoice {
    EMBEDDED,
    LAB
}

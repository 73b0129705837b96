package org.peershelf.app;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    public static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"PeerShelf " + version()};
    }
}

package org.peershelf.app.desktop.repository;

import org.peershelf.app.desktop.explore.Sizes;
import org.peershelf.protocol.resource.Resource;

/**
 * One resource this device holds, with where it stands in the catalogue.
 *
 * @param holders       how many devices hold it according to the registry, -1 if not known
 * @param onlineHolders how many of them are online now, -1 if not known
 */
public record HeldRow(Resource resource, Listing listing, int holders, int onlineHolders) {
    public HeldRow(Resource resource, Listing listing, int holders) {
        this(resource, listing, holders, -1);
    }

    /** Whether colleagues can find it in Explore. */
    public enum Listing {
        PUBLISHED("published"),
        PUBLISHING("publishing… (queued)"),
        UNPUBLISHING("unpublishing… (queued)"),
        PRIVATE("only on this computer"),
        UNKNOWN("not known: registry unreachable");

        private final String label;

        Listing(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String title() {
        return resource.metadata().title();
    }

    public String typeText() {
        return resource.metadata().type().label();
    }

    public String yearText() {
        return resource.metadata().year() == null ? "" : resource.metadata().year().toString();
    }

    public String sizeText() {
        int files = resource.manifest().files().size();
        return files + (files == 1 ? " file, " : " files, ") + Sizes.human(resource.manifest().totalSize());
    }

    public String versionText() {
        String version = resource.metadata().version();
        return version == null ? "" : version;
    }

    public String holdersText() {
        return holders < 0 ? "" : holders == 1 ? "1 device" : holders + " devices";
    }

    HeldRow with(Listing newListing) {
        return new HeldRow(resource, newListing, holders, onlineHolders);
    }
}

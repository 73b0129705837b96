package org.peershelf.app.desktop.explore;

import java.util.List;
import java.util.Locale;
import org.peershelf.protocol.identity.UserId;
import org.peershelf.protocol.registry.ResourceHit;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;

/** One Explore result as the table and the details pane show it. {@code ownerName} may be empty until looked up. */
public record ResultRow(ResourceHit hit, String ownerName) {
    public Resource resource() {
        return hit.published().resource();
    }

    public ResourceMetadata metadata() {
        return resource().metadata();
    }

    public UserId owner() {
        return hit.published().owner();
    }

    public String title() {
        return metadata().title();
    }

    public String authorsText() {
        List<String> authors = metadata().authors();
        if (authors.isEmpty()) {
            return "";
        }
        return authors.size() <= 3 ? String.join(", ", authors) : authors.get(0) + " et al.";
    }

    public String yearText() {
        return metadata().year() == null ? "" : metadata().year().toString();
    }

    public String typeText() {
        return metadata().type().label();
    }

    public String ownerText() {
        return ownerName.isEmpty() ? "user " + owner().value().substring(0, Math.min(8, owner().value().length())) : ownerName;
    }

    public boolean available() {
        return hit.availableNow();
    }

    public String availabilityText() {
        if (hit.onlineHolders() == 0) {
            return hit.holders() == 0 ? "no holder" : "no holder online";
        }
        return hit.onlineHolders() + " of " + hit.holders() + " online";
    }

    public String sizeText() {
        return Sizes.human(resource().manifest().totalSize());
    }

    /** "paper · 2021 · 2 files, 3.4 MB · version 2" for the details pane. */
    public String factsText() {
        StringBuilder facts = new StringBuilder(typeText());
        if (metadata().year() != null) {
            facts.append(" · ").append(metadata().year());
        }
        int files = resource().manifest().files().size();
        facts.append(" · ").append(files).append(files == 1 ? " file, " : " files, ").append(sizeText());
        if (metadata().version() != null) {
            facts.append(" · version ").append(metadata().version());
        }
        if (metadata().doi() != null) {
            facts.append(" · doi:").append(metadata().doi());
        }
        return facts.toString();
    }

    /** One line per file: its path in the package and its size. */
    public String filesText() {
        StringBuilder out = new StringBuilder();
        for (var file : resource().manifest().files()) {
            out.append(file.path()).append("  (").append(Sizes.human(file.size())).append(")\n");
        }
        return out.toString().stripTrailing();
    }

    public String holdersText() {
        if (hit.holders() == 0) {
            return "Nobody holds a copy any more.";
        }
        return hit.onlineHolders() + " of " + hit.holders() + (hit.holders() == 1 ? " holder" : " holders") + " online"
                + (hit.onlineHolders() == 0 ? ": try again when one of them is back." : ".");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s)", title(), availabilityText());
    }
}

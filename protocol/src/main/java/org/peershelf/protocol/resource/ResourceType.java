package org.peershelf.protocol.resource;

import java.util.Locale;

/** What kind of work a resource is. Stored and searched by its lower-case {@link #label()}. */
public enum ResourceType {
    PAPER, DATASET, CODE, SLIDES, THESIS, OTHER;

    /** "paper", "dataset", …: the form in the registry, the CLI and BibTeX notes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidMetadataException for anything but one of the labels (any case)
     */
    public static ResourceType fromLabel(String label) {
        if (label != null) {
            for (ResourceType type : values()) {
                if (type.name().equalsIgnoreCase(label.strip())) {
                    return type;
                }
            }
        }
        throw new InvalidMetadataException("Unknown resource type \"" + label
                + "\": use one of paper, dataset, code, slides, thesis, other.");
    }
}

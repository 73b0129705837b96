package org.peershelf.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.peershelf.app.wiring.PeerRuntime;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.resource.ResourceMetadata;
import org.peershelf.protocol.resource.ResourceType;
import org.peershelf.protocol.resource.bibtex.BibtexException;
import org.peershelf.protocol.resource.bibtex.BibtexMetadata;
import org.peershelf.protocol.resource.publish.OutboxEvent;
import org.peershelf.protocol.resource.publish.OutboxOperation;
import picocli.CommandLine.Option;

/**
 * {@code peershelf node --share PATH --title … --type paper}: the headless peer adds files to its repository,
 * publishes them and stays up as their holder. Prints {@code SHARED id=<resourceId> …} once the files are in the
 * repository, {@code PUBLISHED id=…} once the registry has the entry, and {@code OUTBOX pending=N} when the queue
 * changes. Sharing the same files with the same metadata again (e.g. after a restart) gives the same id.
 */
public final class ShareOptions {
    @Option(names = "--share", paramLabel = "PATH",
            description = "File or folder to add and publish (repeatable: one resource of several files).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--bib", paramLabel = "FILE", description = "Take the metadata from the first entry of this .bib file.")
    Path bib;

    @Option(names = "--title", description = "Title (required with --share unless --bib gives one).")
    String title;

    @Option(names = "--type", description = "paper, dataset, code, slides, thesis or other (default: paper, or from --bib).")
    String type;

    @Option(names = "--author", description = "An author (repeatable, in order).")
    List<String> authors = new ArrayList<>();

    @Option(names = "--year", description = "Year of the work.")
    Integer year;

    @Option(names = "--doi", description = "DOI.")
    String doi;

    @Option(names = "--abstract", description = "Abstract.")
    String abstractText;

    @Option(names = "--tag", description = "A tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--licence", description = "Licence, e.g. CC-BY-4.0.")
    String licence;

    @Option(names = "--resource-version", description = "Version label of the resource.")
    String version;

    boolean active() {
        return !paths.isEmpty();
    }

    /** The metadata the flags describe; flags override what --bib says. */
    ResourceMetadata metadata() throws IOException {
        ResourceMetadata.Builder builder;
        if (bib != null) {
            List<ResourceMetadata> entries = BibtexMetadata.fromFile(bib);
            if (entries.isEmpty()) {
                throw new BibtexException(bib + " has no entry", 0);
            }
            builder = entries.get(0).toBuilder();
        } else {
            builder = ResourceMetadata.builder(title, ResourceType.PAPER);
        }
        if (title != null) {
            builder.title(title);
        }
        if (type != null) {
            builder.type(ResourceType.fromLabel(type));
        }
        if (!authors.isEmpty()) {
            builder.authors(authors);
        }
        if (year != null) {
            builder.year(year);
        }
        if (doi != null) {
            builder.doi(doi);
        }
        if (abstractText != null) {
            builder.abstractText(abstractText);
        }
        if (!tags.isEmpty()) {
            builder.tags(tags);
        }
        if (licence != null) {
            builder.licence(licence);
        }
        if (version != null) {
            builder.version(version);
        }
        return builder.build();
    }

    /** Adds and publishes; returns the resource. Call after the runtime started. */
    Resource share(PeerRuntime runtime, ResourceMetadata metadata, NodeStatePrinter printer) {
        var publisher = runtime.peer().publisher();
        publisher.subscribe(event -> {
            if (event instanceof OutboxEvent.OperationApplied applied
                    && applied.operation().kind() == OutboxOperation.Kind.PUBLISH) {
                printer.printLine("PUBLISHED id=" + applied.operation().resource().hex());
            } else if (event instanceof OutboxEvent.OutboxChanged changed) {
                printer.printLine("OUTBOX pending=" + changed.pending() + " registry="
                        + (changed.registryReachable() ? "up" : "down"));
            } else if (event instanceof OutboxEvent.OperationDropped dropped) {
                printer.printLine("OUTBOX dropped " + dropped.operation().kind() + " \"" + dropped.reason() + "\"");
            }
        });
        Resource r = runtime.peer().sharing().share(metadata, paths);
        printer.printLine("SHARED id=" + r.id().hex() + " files=" + r.manifest().files().size() + " bytes="
                + r.manifest().totalSize() + " title=\"" + r.metadata().title().replace("\"", "'") + "\"");
        return r;
    }
}

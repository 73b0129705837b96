package org.peershelf.protocol.resource.bibtex;

import org.peershelf.protocol.PeerShelfException;

/** BibTeX that cannot be read, with the line where reading stopped. */
public class BibtexException extends PeerShelfException {
    private final int line;

    public BibtexException(String problem, int line) {
        super(line > 0 ? "BibTeX line " + line + ": " + problem : "BibTeX: " + problem);
        this.line = line;
    }

    /** 1-based, or 0 when not tied to a line. */
    public int line() {
        return line;
    }
}

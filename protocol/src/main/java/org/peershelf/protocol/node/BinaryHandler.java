package org.peershelf.protocol.node;

import java.util.concurrent.CompletionStage;
import org.peershelf.protocol.wire.Empty;

/** Receives an event that carries bytes beside its JSON header. Runs on the link's serial inbox; keep it short. */
@FunctionalInterface
public interface BinaryHandler<H> {
    CompletionStage<Empty> handle(PeerLink from, H header, byte[] data);
}

package org.peershelf.protocol.resource.transfer;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.presence.Mesh;
import org.peershelf.protocol.resource.repository.LocalRepository;

/** What every download shares: where links, holders and the repository come from, and the threads to use. */
record TransferContext(DeviceId self, Mesh mesh, ChunkClient client, HolderSource holders, LocalRepository repository,
                       EventPublisher<DownloadProgress> events, TransferSettings settings, Executor workers,
                       Executor registryThread, ScheduledExecutorService timers, SpaceProbe space) {
}

package org.peershelf.protocol.presence;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.peershelf.protocol.config.NodeConfig;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventPublisher;
import org.peershelf.protocol.node.NodeEvent;
import org.peershelf.protocol.registry.OnlineDevice;
import org.peershelf.protocol.registry.Registry;
import org.peershelf.protocol.registry.RegistryUnavailableException;
import org.peershelf.protocol.registry.VoteOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This device's presence in the registry: publish the user and device, announce the session, keep
 * the heartbeat, read the online list, vote against devices it cannot reach. All registry calls run
 * on one dedicated thread, never on a network thread or the UI thread. With the registry down it
 * keeps retrying with back-off; links are untouched.
 */
public final class PresenceService {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceService.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final Registry registry;
    private final Registration registration;
    private final NodeConfig config;
    private final Clock clock;
    private final ScheduledExecutorService registryThread;
    private final EventPublisher<NodeEvent> events;
    private final RegistryHealth health;
    private final List<Consumer<List<OnlineDevice>>> viewListeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Long> firstAnnounce = new CompletableFuture<>();
    private volatile List<OnlineDevice> view = List.of();
    private volatile long epoch;
    private volatile boolean announced;
    private volatile boolean registered;
    private volatile boolean stopped;
    private int port;
    private Duration delay;

    public PresenceService(Registry registry, Registration registration, NodeConfig config, Clock clock,
                           ScheduledExecutorService registryThread, EventPublisher<NodeEvent> events) {
        this.registry = registry;
        this.registration = registration;
        this.config = config;
        this.clock = clock;
        this.registryThread = registryThread;
        this.events = events;
        this.health = new RegistryHealth(events);
        this.delay = config.heartbeatInterval();
    }

    public DeviceId self() {
        return registration.device().deviceId();
    }

    /** Connects to the registry in the background while the caller starts the server. */
    public void prepare() {
        registryThread.execute(() -> {
            try {
                registry.warmUp();
            } catch (RegistryUnavailableException e) {
                health.failed(e);
            }
        });
    }

    /** Starts announcing this device as listening on {@code listenPort}; the first attempt runs at once. */
    public void start(int listenPort) {
        this.port = listenPort;
        this.epoch = clock.millis();
        registryThread.execute(this::tick);
    }

    /** Called with the fresh online list (without this device) after every read; on the registry thread. */
    public void onView(Consumer<List<OnlineDevice>> listener) {
        viewListeners.add(listener);
    }

    /** The online devices other than this one, as last read. */
    public List<OnlineDevice> view() {
        return view;
    }

    public long epoch() {
        return epoch;
    }

    /** Completes with the session epoch once this device is in the online list for the first time. */
    public CompletableFuture<Long> announced() {
        return firstAnnounce.copy();
    }

    public boolean registryReachable() {
        return health.isReachable();
    }

    /** Reads the online list now instead of waiting for the next heartbeat. */
    public void refreshSoon() {
        registryThread.execute(this::guardedRefresh);
    }

    public void voteAgainst(OnlineDevice target) {
        registryThread.execute(() -> {
            try {
                VoteOutcome outcome = registry.voteAgainst(target.deviceId(), target.epoch(), self(),
                        config.voteRatio(), freshSince());
                health.succeeded(registry.describe());
                LOG.info("Voted against unreachable {}: {}/{} voters{}", target.deviceId().shortForm(),
                        outcome.validVoters(), outcome.otherOnlineDevices(), outcome.removed() ? ", removed" : "");
                if (outcome.removed() || !outcome.targetPresent()) {
                    refreshView();
                }
            } catch (RegistryUnavailableException e) {
                health.failed(e);
            }
        });
    }

    public void withdrawVote(DeviceId target) {
        registryThread.execute(() -> {
            try {
                registry.withdrawVote(target, self());
            } catch (RegistryUnavailableException e) {
                health.failed(e);
            }
        });
    }

    /** Leaves the online list at once (a clean exit), so nobody has to vote us out. Blocks up to a few seconds. */
    public void stop() {
        stopped = true;
        try {
            registryThread.submit(() -> {
                if (announced) {
                    registry.leave(self(), epoch);
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Could not leave the online list cleanly ({}); peers will notice through heartbeats", e.toString());
        }
    }

    private void tick() {
        if (stopped) {
            return;
        }
        try {
            if (!registered) {
                // the device first: the user record is signed by this device, so readers must find it
                registry.publishDevice(registration.device());
                registry.publishUser(registration.user());
                registered = true;
            }
            if (!announced) {
                announce();
            } else if (!registry.heartbeat(self(), epoch, clock.millis())) {
                LOG.warn("This device was voted out of the online list while alive; announcing it again");
                epoch = Math.max(clock.millis(), epoch + 1);
                announce();
                events.publish(new NodeEvent.Reannounced(epoch));
            }
            refreshView();
            health.succeeded(registry.describe());
            delay = config.heartbeatInterval();
        } catch (RegistryUnavailableException e) {
            health.failed(e);
            delay = min(delay.multipliedBy(2), MAX_BACKOFF);
        } catch (RuntimeException e) {
            LOG.error("Presence update failed", e);
        }
        if (!stopped) {
            registryThread.schedule(this::tick, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void announce() {
        registry.announce(new OnlineDevice(self(), registration.user().profile().userId(), config.advertisedHost(), port,
                epoch, clock.millis(), Set.of()));
        announced = true;
        firstAnnounce.complete(epoch);
        LOG.info("Online as {} on {}:{} (session {})", self().shortForm(), config.advertisedHost(), port, epoch);
    }

    private void guardedRefresh() {
        try {
            refreshView();
        } catch (RegistryUnavailableException e) {
            health.failed(e);
        }
    }

    private void refreshView() {
        List<OnlineDevice> fresh = registry.onlineDevices(freshSince()).stream()
                .filter(d -> !d.deviceId().equals(self())).toList();
        if (!sessions(fresh).equals(sessions(view))) {
            view = fresh;
            events.publish(new NodeEvent.OnlineViewChanged(fresh));
        } else {
            view = fresh;
        }
        for (Consumer<List<OnlineDevice>> listener : viewListeners) {
            listener.accept(fresh);
        }
    }

    private long freshSince() {
        return clock.millis() - config.staleAfter().toMillis();
    }

    private static Set<String> sessions(List<OnlineDevice> devices) {
        return devices.stream().map(d -> d.deviceId() + "@" + d.epoch() + "@" + d.host() + ":" + d.port())
                .collect(Collectors.toSet());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package org.peershelf.protocol.chat.direct;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.ChatEvent;
import org.peershelf.protocol.chat.ChatEvents;
import org.peershelf.protocol.chat.ChatException;
import org.peershelf.protocol.chat.ChatWire.DirectAck;
import org.peershelf.protocol.chat.ChatWire.DirectText;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.log.ConversationLog;
import org.peershelf.protocol.chat.log.LogRecord;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.node.EventRouter;
import org.peershelf.protocol.node.PeerLink;
import org.peershelf.protocol.store.DurableQueue;
import org.peershelf.protocol.store.ItemCodec;
import org.peershelf.protocol.store.QueueItem;
import org.peershelf.protocol.wire.ErrorCodes;
import org.peershelf.protocol.wire.ProtocolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-to-one chats over the link between the two devices (opened on demand). A sent message waits in the
 * persistent outbox for that peer ({@code chats/direct/<peer>/outbox}) until the peer acknowledges it, which it
 * does after writing it to its log; the outbox id is the message's sequence. Received copies are recognised by
 * {@link SenderWatermarks}. Lines of both directions go to {@code chats/direct/<peer>/log}.
 */
public final class DirectChats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectChats.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message of a one-to-one chat; {@code delivered} is meaningful for our own messages. */
    public record DirectLine(DeviceId from, long seq, long sentAt, String text, boolean delivered) {
    }

    private record Outgoing(long sentAt, String text) {
    }

    private final class Chat {
        final DeviceId peer;
        final ConversationLog log;
        final DurableQueue<Outgoing> outbox;
        final List<DirectLine> lines = new ArrayList<>();
        boolean sending;
        int unread;

        Chat(DeviceId peer) {
            this.peer = peer;
            Path dir = root.resolve(peer.value());
            this.log = new ConversationLog(ctx.stores().openLog(dir.resolve("log")), ctx.writer());
            try {
                this.outbox = ctx.stores().openQueue(dir.resolve("outbox"), ItemCodec.json(JSON, Outgoing.class));
            } catch (RuntimeException e) {
                log.close();
                throw e;
            }
            for (LogRecord record : log.replay()) {
                if (LogRecord.LINE.equals(record.kind()) && record.line() != null) {
                    RoomLine l = record.line();
                    lines.add(new DirectLine(DeviceId.of(l.sender()), l.senderSeq(), l.sentAt(), l.text(), false));
                    if (!l.sender().equals(ctx.self().value())) {
                        received.accept(l.sender(), l.senderSeq());
                    }
                } else if (LogRecord.DELIVERED.equals(record.kind())) {
                    markDelivered(record.value());
                }
            }
        }

        synchronized void markDelivered(long seq) {
            for (int i = 0; i < lines.size(); i++) {
                DirectLine l = lines.get(i);
                if (l.from().equals(ctx.self()) && l.seq() <= seq && !l.delivered()) {
                    lines.set(i, new DirectLine(l.from(), l.seq(), l.sentAt(), l.text(), true));
                }
            }
        }
    }

    private final ChatContext ctx;
    private final Path root;
    private final SenderWatermarks received = new SenderWatermarks();
    private final Map<DeviceId, Chat> chats = new ConcurrentHashMap<>();

    public DirectChats(ChatContext ctx) {
        this.ctx = ctx;
        this.root = ctx.stores().root().resolve("direct");
        loadAll();
    }

    public void register(EventRouter router) {
        router.register(ChatEvents.DIRECT, this::receive);
    }

    private void loadAll() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                if (DeviceId.isValid(name)) {
                    try {
                        chat(DeviceId.of(name));
                    } catch (RuntimeException e) {
                        LOG.error("Could not open the chat with {}: {}", name, e.getMessage());
                    }
                }
            }
        } catch (IOException e) {
            LOG.error("Could not list direct chats in {}: {}", root, e.getMessage());
        }
    }

    private Chat chat(DeviceId peer) {
        return chats.computeIfAbsent(peer, Chat::new);
    }

    /** Accepts a message: on return it is on disk and will be delivered when {@code to} is reachable. */
    public long send(DeviceId to, String text) {
        ctx.checkText(text);
        if (to.equals(ctx.self())) {
            throw new ChatException("A chat needs another device.");
        }
        Chat chat = chat(to);
        long sentAt = ctx.clock().millis();
        long seq;
        synchronized (chat) {
            seq = chat.outbox.enqueue(new Outgoing(sentAt, text));
            chat.lines.add(new DirectLine(ctx.self(), seq, sentAt, text, false));
        }
        chat.log.append(LogRecord.line(new RoomLine(0, 0, ctx.self().value(), seq, sentAt, text)));
        pump(chat);
        return seq;
    }

    private void pump(Chat chat) {
        QueueItem<Outgoing> head;
        synchronized (chat) {
            if (chat.sending) {
                return;
            }
            head = chat.outbox.peek().orElse(null);
            if (head == null) {
                return;
            }
            chat.sending = true;
        }
        DirectText message = new DirectText(head.id(), head.value().sentAt(), head.value().text());
        ctx.mesh().linkTo(chat.peer).thenCompose((PeerLink link) -> link.request(ChatEvents.DIRECT, message))
                .whenComplete((ack, e) -> {
                    boolean next = false;
                    synchronized (chat) {
                        chat.sending = false;
                        if (e == null) {
                            chat.outbox.acknowledgeUpTo(head.id());
                            next = true;
                        }
                    }
                    if (e == null) {
                        chat.markDelivered(head.id());
                        chat.log.append(LogRecord.marker(LogRecord.DELIVERED, head.id()));
                        ctx.events().publish(new ChatEvent.DirectDelivered(chat.peer, head.id()));
                    } else {
                        LOG.debug("Direct message {} to {} waits: {}", head.id(), chat.peer.shortForm(), e.getMessage());
                    }
                    if (next) {
                        pump(chat);
                    }
                });
    }

    private CompletionStage<DirectAck> receive(PeerLink link, DirectText message) {
        if (message.text() == null || message.text().isEmpty() || message.text().length() > ctx.config().maxTextChars()) {
            LOG.warn("Refused an empty or over-long direct message from {}", link.remote().shortForm());
            throw new ProtocolException(ErrorCodes.TOO_LARGE, "A message can have at most "
                    + ctx.config().maxTextChars() + " characters.");
        }
        if (message.seq() < 1) {
            throw new ProtocolException(ErrorCodes.MALFORMED, "Sequence numbers start at 1.");
        }
        Chat chat = chat(link.remote());
        String sender = link.remote().value(); // the authenticated link: a sender cannot be forged
        if (!received.accept(sender, message.seq())) {
            return CompletableFuture.completedFuture(new DirectAck(message.seq(), true));
        }
        int unread;
        synchronized (chat) {
            chat.lines.add(new DirectLine(link.remote(), message.seq(), message.sentAt(), message.text(), true));
            unread = ++chat.unread;
        }
        return chat.log.append(LogRecord.line(new RoomLine(0, 0, sender, message.seq(), message.sentAt(), message.text())))
                .whenComplete((done, e) -> {
                    if (e != null) {
                        received.forget(sender, message.seq()); // not stored: the resend must not count as a copy
                        synchronized (chat) {
                            chat.lines.removeIf(l -> l.from().equals(link.remote()) && l.seq() == message.seq());
                        }
                    }
                })
                .thenApply(done -> {
                    ctx.events().publish(new ChatEvent.DirectReceived(link.remote(), message.seq(), message.sentAt(),
                            message.text()));
                    ctx.events().publish(new ChatEvent.UnreadChanged("direct:" + sender, unread));
                    return new DirectAck(message.seq(), false);
                });
    }

    /** Unread counts of direct chats start at 0 at every start (read markers come with the chat window). */
    public void markRead(DeviceId peer) {
        Chat chat = chats.get(peer);
        if (chat != null) {
            synchronized (chat) {
                chat.unread = 0;
            }
            ctx.events().publish(new ChatEvent.UnreadChanged("direct:" + peer.value(), 0));
        }
    }

    public List<DirectLine> history(DeviceId peer) {
        Chat chat = chats.get(peer);
        if (chat == null) {
            return List.of();
        }
        synchronized (chat) {
            return List.copyOf(chat.lines);
        }
    }

    public List<DeviceId> peers() {
        return List.copyOf(chats.keySet());
    }

    /** Retries waiting messages (peers that came online, links that came back). */
    public void tick() {
        chats.values().forEach(this::pump);
    }

    public void onLinkUp(DeviceId peer) {
        Chat chat = chats.get(peer);
        if (chat != null) {
            pump(chat);
        }
    }

    @Override
    public void close() {
        for (Chat chat : chats.values()) {
            chat.log.close();
            chat.outbox.close();
        }
        chats.clear();
    }
}

package org.peershelf.protocol.chat.room;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.peershelf.protocol.chat.ChatContext;
import org.peershelf.protocol.chat.log.ConversationLog;
import org.peershelf.protocol.store.AtomicFiles;
import org.peershelf.protocol.store.DurableQueue;
import org.peershelf.protocol.store.ItemCodec;
import org.peershelf.protocol.store.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms this device knows, each in {@code chats/rooms/<room id>/}: {@code log} (the lines), {@code outbox}
 * (accepted messages not yet numbered), {@code room.json} (metadata). A room whose files cannot be opened is
 * logged and left out, so one damaged room never stops the others.
 */
final class RoomBook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RoomBook.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int MAX_ROOM_ID = 64;

    private final ChatContext ctx;
    private final Path dir;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();

    RoomBook(ChatContext ctx) {
        this.ctx = ctx;
        this.dir = ctx.stores().root().resolve("rooms");
    }

    static String newRoomId() {
        return UUID.randomUUID().toString();
    }

    /** Room ids become folder names: only UUID-like text is accepted from peers. */
    static boolean isValidId(String roomId) {
        return roomId != null && !roomId.isEmpty() && roomId.length() <= MAX_ROOM_ID
                && roomId.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-');
    }

    void loadAll() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String id = folder.getFileName().toString();
                Path metaFile = folder.resolve("room.json");
                if (!isValidId(id) || !Files.exists(metaFile)) {
                    continue;
                }
                try {
                    RoomMeta meta = JSON.readValue(Files.readAllBytes(metaFile), RoomMeta.class);
                    open(meta);
                } catch (IOException | RuntimeException e) {
                    LOG.error("Could not open chat room {} in {}: {}", id, folder, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.error("Could not list chat rooms in {}: {}", dir, e.getMessage());
        }
    }

    /** Opens (creating files if needed) the room described by {@code meta}; an already open room is returned as is. */
    synchronized Room open(RoomMeta meta) {
        Room existing = rooms.get(meta.roomId());
        if (existing != null) {
            return existing;
        }
        Path folder = dir.resolve(meta.roomId());
        ConversationLog log = new ConversationLog(ctx.stores().openLog(folder.resolve("log")), ctx.writer());
        DurableQueue<OutPost> outbox;
        try {
            outbox = ctx.stores().openOutbox(folder.resolve("outbox"), ItemCodec.json(JSON, OutPost.class));
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
        Room room = new Room(meta.roomId(), ctx.self(), meta, log, outbox);
        room.replay(log.replay());
        save(room);
        rooms.put(room.id, room);
        return room;
    }

    Optional<Room> get(String roomId) {
        return roomId == null ? Optional.empty() : Optional.ofNullable(rooms.get(roomId));
    }

    Collection<Room> all() {
        return rooms.values();
    }

    /** Writes room.json atomically if it changed. */
    void save(Room room) {
        RoomMeta meta;
        synchronized (room) {
            meta = room.meta();
            room.metaDirty = false;
        }
        try {
            AtomicFiles.write(dir.resolve(room.id).resolve("room.json"), JSON.writeValueAsBytes(meta));
        } catch (IOException e) {
            synchronized (room) {
                room.metaDirty = true;
            }
            throw new StorageException("Could not save the state of room " + meta.name() + ": " + e.getMessage(), e);
        }
    }

    void saveIfDirty(Room room) {
        boolean dirty;
        synchronized (room) {
            dirty = room.metaDirty;
        }
        if (dirty) {
            try {
                save(room);
            } catch (StorageException e) {
                LOG.warn("{}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        for (Room room : rooms.values()) {
            saveIfDirty(room);
            room.log.close();
            room.outbox.close();
        }
        rooms.clear();
    }
}

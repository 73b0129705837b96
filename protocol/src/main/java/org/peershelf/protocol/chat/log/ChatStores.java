package org.peershelf.protocol.chat.log;

import java.nio.file.Path;
import java.util.Optional;
import org.peershelf.protocol.store.DurableQueue;
import org.peershelf.protocol.store.EncryptedRecordLog;
import org.peershelf.protocol.store.ItemCodec;
import org.peershelf.protocol.store.RecordCipher;
import org.peershelf.protocol.store.RecordLog;
import org.peershelf.protocol.store.RecordLogOptions;
import org.peershelf.protocol.store.RecordStore;

/**
 * Opens the chat files of a profile, plain or (with a passphrase) encrypted with one key file for all of them
 * ({@code chats/chat.key}). Logs are opened without fsync per append because {@link DiskWriter} syncs per batch;
 * queues keep the default fsync per change, except room outboxes, whose owner syncs outside the queue's lock.
 */
public final class ChatStores {
    private static final RecordLogOptions BATCHED = RecordLogOptions.DEFAULTS.withForceOnAppend(false);
    /** Sender sequences reserved per forced write in a room outbox: one fsync per this many messages. */
    static final int OUTBOX_ID_BLOCK = 1024;
    private final Path root;
    private final Optional<RecordCipher> cipher;
    private final RecordLogOptions queueOptions;

    private ChatStores(Path root, Optional<RecordCipher> cipher, boolean fsync) {
        this.root = root;
        this.cipher = cipher;
        this.queueOptions = RecordLogOptions.DEFAULTS.withForceOnAppend(fsync);
    }

    /**
     * @throws org.peershelf.protocol.store.WrongPassphraseException if the passphrase does not open the key file
     */
    public static ChatStores open(Path root, Optional<char[]> passphrase) {
        return open(root, passphrase, true);
    }

    /** @param fsync false only to measure what durability costs (see {@link DiskWriter}) */
    public static ChatStores open(Path root, Optional<char[]> passphrase, boolean fsync) {
        Optional<RecordCipher> cipher = passphrase.map(p -> RecordCipher.unlockOrCreate(root.resolve("chat.key"), p));
        return new ChatStores(root, cipher, fsync);
    }

    public Path root() {
        return root;
    }

    public boolean encrypted() {
        return cipher.isPresent();
    }

    public RecordStore openLog(Path file) {
        return cipher.<RecordStore>map(c -> EncryptedRecordLog.open(file, c, BATCHED))
                .orElseGet(() -> RecordLog.open(file, BATCHED));
    }

    /**
     * A queue whose appends are not forced one by one: its owner may use an item's id (a room's sender sequence)
     * as soon as it is written, because ids are reserved in blocks with one forced write each
     * ({@link DurableQueue#openReservingIds}), and forces the items with {@link DurableQueue#syncUpTo} outside the
     * queue's lock, so readers of the queue are not held up while the disk syncs.
     */
    public <T> DurableQueue<T> openOutbox(Path file, ItemCodec<T> codec) {
        RecordStore store = cipher.<RecordStore>map(c -> EncryptedRecordLog.open(file, c, BATCHED))
                .orElseGet(() -> RecordLog.open(file, BATCHED));
        return DurableQueue.openReservingIds(store, codec, OUTBOX_ID_BLOCK);
    }

    public <T> DurableQueue<T> openQueue(Path file, ItemCodec<T> codec) {
        RecordStore store = cipher.<RecordStore>map(c -> EncryptedRecordLog.open(file, c, queueOptions))
                .orElseGet(() -> RecordLog.open(file, queueOptions));
        return DurableQueue.open(store, codec);
    }
}

package org.peershelf.protocol.chat.log;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.peershelf.protocol.store.RecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only log of one conversation (a room or a direct chat) on a {@link RecordStore}: frames with a
 * checksum, a torn last frame dropped on open, optionally encrypted. Appends go through the {@link DiskWriter};
 * the returned future completes once the record is on disk.
 */
public final class ConversationLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationLog.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final RecordStore store;
    private final DiskWriter writer;

    public ConversationLog(RecordStore store, DiskWriter writer) {
        this.store = store;
        this.writer = writer;
    }

    /** Every readable record in order; a record this version cannot parse is skipped with a warning. */
    public List<LogRecord> replay() {
        List<LogRecord> records = new ArrayList<>();
        store.forEach((bytes, index) -> {
            try {
                records.add(JSON.readValue(bytes, LogRecord.class));
            } catch (IOException e) {
                LOG.warn("Skipping unreadable record {} of {}: {}", index, store.file(), e.getMessage());
            }
        });
        return records;
    }

    public CompletableFuture<Void> append(LogRecord record) {
        return encode(record).thenCompose(bytes -> writer.append(store, bytes));
    }

    /**
     * Like {@link #append}, for records another device keeps too (a member's copies of lines the host keeps): they
     * are synced a little later, with others, and usually written on the calling thread
     * ({@link DiskWriter#appendLazily}).
     */
    public CompletableFuture<Void> appendLazily(List<LogRecord> records) {
        List<byte[]> payloads = new ArrayList<>(records.size());
        for (LogRecord record : records) {
            CompletableFuture<byte[]> bytes = encode(record);
            if (bytes.isCompletedExceptionally()) {
                return bytes.thenApply(b -> null);
            }
            payloads.add(bytes.join());
        }
        return writer.appendLazily(store, payloads);
    }

    private static CompletableFuture<byte[]> encode(LogRecord record) {
        try {
            return CompletableFuture.completedFuture(JSON.writeValueAsBytes(record));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("cannot encode " + record, e));
        }
    }

    @Override
    public void close() {
        store.close();
    }
}

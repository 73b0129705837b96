package org.peershelf.protocol.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * A store in memory that behaves like a file whose appends are not forced: {@link #afterOsCrash} keeps only what was
 * synced (or rewritten, which is atomic and forced), as a power cut would.
 */
final class UnsyncedLossStore implements RecordStore {
    private final List<byte[]> records;
    private int synced;
    int syncs;

    UnsyncedLossStore() {
        this(new ArrayList<>());
    }

    private UnsyncedLossStore(List<byte[]> records) {
        this.records = records;
        this.synced = records.size();
    }

    /** What a restart finds after an OS crash now: the synced records only. */
    synchronized UnsyncedLossStore afterOsCrash() {
        return new UnsyncedLossStore(new ArrayList<>(records.subList(0, synced)));
    }

    @Override
    public synchronized long append(byte[] payload) {
        records.add(payload.clone());
        return records.size() - 1;
    }

    @Override
    public synchronized void forEach(ObjLongConsumer<byte[]> visitor) {
        for (int i = 0; i < records.size(); i++) {
            visitor.accept(records.get(i).clone(), i);
        }
    }

    @Override
    public synchronized List<byte[]> readAll() {
        return records.stream().map(byte[]::clone).toList();
    }

    @Override
    public Path file() {
        return Path.of("memory");
    }

    @Override
    public synchronized long count() {
        return records.size();
    }

    @Override
    public synchronized void sync() {
        synced = records.size();
        syncs++;
    }

    @Override
    public synchronized void rewrite(List<byte[]> payloads) {
        records.clear();
        payloads.forEach(p -> records.add(p.clone()));
        synced = records.size();
    }

    @Override
    public void close() {
    }
}

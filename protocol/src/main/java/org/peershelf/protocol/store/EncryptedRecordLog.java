package org.peershelf.protocol.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * A {@link RecordLog} whose records are sealed by a {@link RecordCipher}; same guarantees, plus confidentiality
 * and per-record integrity. The frame CRC still catches accidental damage; the GCM tag is checked for every record
 * on open, so a record changed on purpose (with its CRC fixed up) is treated like damage: the intact prefix is
 * kept and the whole file is saved as {@code <name>.damaged-<timestamp>}. If the very first record fails, the log
 * was almost certainly made with another key, so opening is refused and the file is left untouched.
 */
public final class EncryptedRecordLog implements RecordStore {
    private final RecordLog log;
    private final RecordCipher cipher;

    private EncryptedRecordLog(RecordLog log, RecordCipher cipher) {
        this.log = log;
        this.cipher = cipher;
    }

    public static EncryptedRecordLog open(Path file, RecordCipher cipher) {
        return open(file, cipher, RecordLogOptions.DEFAULTS);
    }

    /**
     * @throws StorageException if the file cannot be opened or its first record was not sealed with this key
     */
    public static EncryptedRecordLog open(Path file, RecordCipher cipher, RecordLogOptions options) {
        RecordValidator authentic = (index, sealed) -> {
            if (cipher.isAuthentic(sealed)) {
                return true;
            }
            if (index == 0) {
                throw new StorageException(file + " cannot be opened with the key in " + cipher.keyFile()
                        + ": it was probably encrypted with another key file. Nothing was changed.");
            }
            return false;
        };
        return new EncryptedRecordLog(RecordLog.open(file, options, authentic), cipher);
    }

    /** Encrypts and appends; plaintext may be up to the log's maximum minus {@link RecordCipher#OVERHEAD_BYTES}. */
    @Override
    public long append(byte[] plaintext) {
        return log.append(cipher.encrypt(plaintext));
    }

    @Override
    public void appendAll(List<byte[]> plaintexts) {
        log.appendAll(plaintexts.stream().map(cipher::encrypt).toList());
    }

    @Override
    public void forEach(ObjLongConsumer<byte[]> visitor) {
        log.forEach((sealed, index) -> visitor.accept(cipher.decrypt(sealed), index));
    }

    @Override
    public List<byte[]> readAll() {
        List<byte[]> all = new ArrayList<>();
        forEach((plaintext, index) -> all.add(plaintext));
        return all;
    }

    @Override
    public Path file() {
        return log.file();
    }

    @Override
    public long count() {
        return log.count();
    }

    @Override
    public void sync() {
        log.sync();
    }

    @Override
    public void rewrite(List<byte[]> plaintexts) {
        log.rewrite(plaintexts.stream().map(cipher::encrypt).toList());
    }

    @Override
    public void close() {
        log.close();
    }
}

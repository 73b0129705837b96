/**
 * Durable local storage: files that survive a crash or a full disk at any moment without losing what was already
 * saved, and that never stop PeerShelf from starting.
 *
 * <ul>
 *   <li>{@link org.peershelf.protocol.store.AtomicFiles}: whole files replaced atomically (temp, fsync, rename).</li>
 *   <li>{@link org.peershelf.protocol.store.RecordLog}: append-only records in CRC32C frames
 *       {@code [0xA7][version 1][length:int][crc32c:int][payload]}; fsync per append by default.</li>
 *   <li>{@link org.peershelf.protocol.store.RecordCipher} and
 *       {@link org.peershelf.protocol.store.EncryptedRecordLog}: AES-256-GCM per record, key from a passphrase
 *       (PBKDF2WithHmacSHA256, 600,000 iterations) with salt and key-check value in one JSON key file per profile.</li>
 *   <li>{@link org.peershelf.protocol.store.DurableQueue}: a persistent FIFO of id'd items with acknowledgements,
 *       for the registry outbox and chat offline queues.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ol>
 *   <li><b>Recovery keeps the longest intact prefix and stops at the first bad frame.</b> Skipping a bad frame and
 *       reading on would keep more records, but could replay an acknowledgement without the entries before it, or a
 *       message without its predecessor; a prefix is always a state that really existed. A torn last frame (the
 *       normal trace of a crash) is truncated with a warning. If anything intact would be dropped (valid frames
 *       after the damage, or a record that fails its GCM tag), the whole file is first copied to
 *       {@code <name>.damaged-<UTC timestamp>}; if even that copy fails, nothing is truncated and appends fail
 *       until it succeeds.</li>
 *   <li><b>Length fields are distrusted:</b> a length above the maximum record size (16 MiB by default) or beyond
 *       the end of the file is damage; checksums are computed in 64 KiB chunks.</li>
 *   <li><b>A failed write is rolled back</b> (truncate to the last good frame) and reported as a
 *       {@link org.peershelf.protocol.store.StorageException}, saying "Not enough disk space" when that is why.
 *       Writes are positional, so even a failed rollback is overwritten by the next append.</li>
 *   <li><b>Encryption</b> protects confidentiality and each record's integrity, not the order or completeness of
 *       records (the associated data is a constant). A wrong passphrase fails the key-check value
 *       ({@link org.peershelf.protocol.store.WrongPassphraseException}); a log whose first record fails is refused
 *       untouched (most likely another key); a damaged key file is never replaced automatically.</li>
 *   <li><b>The queue delivers at least once.</b> Ids are never reused (gaps allowed), so receivers deduplicate by
 *       id. Items a newer format made unreadable are saved as {@code <name>.undecodable-<id>-<timestamp>}.</li>
 * </ol>
 */
package org.peershelf.protocol.store;

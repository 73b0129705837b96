package org.peershelf.protocol.chat.room;

/** A message this device's user accepted for a room, queued until it comes back numbered by the host. */
record OutPost(long sentAt, String text) {
}

package org.peershelf.protocol.chat.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.log.ChatStores;
import org.peershelf.protocol.chat.log.ConversationLog;
import org.peershelf.protocol.chat.log.DiskWriter;
import org.peershelf.protocol.chat.log.LogRecord;
import org.peershelf.protocol.identity.DeviceId;
import org.peershelf.protocol.store.DurableQueue;
import org.peershelf.protocol.store.ItemCodec;

/** The sequence and dedup rules of a room's view, without a network. */
class RoomTest {
    private static final DeviceId SELF = DeviceId.of("a".repeat(40));
    private static final String OTHER = "b".repeat(40);
    private final DiskWriter writer = new DiskWriter("test-room-disk");
    private Room room;

    @TempDir
    Path dir;

    @BeforeEach
    void open() {
        room = newRoom();
    }

    private Room newRoom() {
        ChatStores stores = ChatStores.open(dir, Optional.empty());
        ConversationLog log = new ConversationLog(stores.openLog(dir.resolve("log")), writer);
        DurableQueue<OutPost> outbox = stores.openQueue(dir.resolve("outbox"),
                ItemCodec.json(new com.fasterxml.jackson.databind.ObjectMapper(), OutPost.class));
        RoomMeta meta = new RoomMeta("r", "Lab", SELF.value(), "u", SELF.value(), 0, List.of(SELF.value(), OTHER),
                false, false, false, List.of(), Map.of());
        Room r = new Room("r", SELF, meta, log, outbox);
        r.replay(log.replay());
        return r;
    }

    @AfterEach
    void close() {
        room.log.close();
        room.outbox.close();
        writer.close();
    }

    private static RoomLine line(long seq, long epoch, String sender, long senderSeq) {
        return new RoomLine(seq, epoch, sender, senderSeq, 0, "line " + seq);
    }

    @Test
    void onlyTheNextSequenceIsTaken() {
        assertThat(room.addLine(line(1, 0, OTHER, 1))).isTrue();
        assertThat(room.addLine(line(3, 0, OTHER, 3))).as("a gap").isFalse();
        assertThat(room.addLine(line(1, 0, OTHER, 1))).as("a copy").isFalse();
        assertThat(room.addLine(line(2, 0, OTHER, 2))).isTrue();
        assertThat(room.lastSeq()).isEqualTo(2);
    }

    @Test
    void watermarkRecognisesResentPostsPerSender() {
        room.addLine(line(1, 0, OTHER, 5));
        room.addLine(line(2, 0, SELF.value(), 1));
        assertThat(room.watermark(OTHER)).isEqualTo(5);
        assertThat(room.watermark(SELF.value())).isEqualTo(1);
        assertThat(room.findBySender(OTHER, 5)).map(RoomLine::seq).contains(1L);
        assertThat(room.watermark("c".repeat(40))).isZero();
    }

    @Test
    void rewindDropsTheLosingHostsLinesAndSurvivesARestart() {
        room.addLine(line(1, 0, OTHER, 1));
        room.addLine(line(2, 0, OTHER, 2));
        room.addLine(line(3, 0, SELF.value(), 1));
        for (RoomLine l : room.lines()) {
            room.log.append(LogRecord.line(l));
        }
        List<RoomLine> dropped = room.truncateFrom(3);
        room.log.append(LogRecord.marker(LogRecord.REWIND, 3));
        room.addLine(line(3, 1, OTHER, 3));
        room.log.append(LogRecord.line(line(3, 1, OTHER, 3))).join();

        assertThat(dropped).extracting(RoomLine::sender).containsExactly(SELF.value());
        assertThat(room.watermark(SELF.value())).isZero();
        room.log.close();
        room.outbox.close();
        room = newRoom();
        assertThat(room.lines()).extracting(RoomLine::epoch).containsExactly(0L, 0L, 1L);
        assertThat(room.lines().get(2).sender()).isEqualTo(OTHER);
    }

    @Test
    void linesAfterPagesThroughTheHistory() {
        for (int i = 1; i <= 10; i++) {
            room.addLine(line(i, 0, OTHER, i));
        }
        assertThat(room.linesAfter(0, 4)).extracting(RoomLine::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(room.linesAfter(8, 4)).extracting(RoomLine::seq).containsExactly(9L, 10L);
        assertThat(room.linesAfter(10, 4)).isEmpty();
    }
}

package org.peershelf.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.peershelf.protocol.PeerShelfException;
import org.peershelf.protocol.chat.ChatService;
import org.peershelf.protocol.chat.ChatWire.RoomLine;
import org.peershelf.protocol.chat.room.Rooms.RoomSummary;
import org.peershelf.protocol.identity.DeviceId;

/**
 * {@code peershelf node --chat-console}: chat commands on standard input, one per line, answered with
 * machine-readable lines (documented in the README):
 * {@code create NAME [DEVICE…]}, {@code invite ROOM DEVICE}, {@code say ROOM TEXT}, {@code dm DEVICE TEXT},
 * {@code history ROOM}, {@code rooms}, {@code leave|mute|unmute|delete ROOM}.
 */
final class ChatConsole {
    private final ChatService chats;
    private final NodeStatePrinter out;

    ChatConsole(ChatService chats, NodeStatePrinter out) {
        this.chats = chats;
        this.out = out;
    }

    /** Reads commands until the input ends, on a daemon thread. */
    void startReading(InputStream in) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        execute(line.strip());
                    }
                }
            } catch (IOException e) {
                out.printLine("ERROR console input failed: " + e.getMessage());
            }
        }, "peershelf-chat-console");
        reader.setDaemon(true);
        reader.start();
    }

    void execute(String command) {
        String[] words = command.split("\\s+");
        try {
            switch (words[0]) {
                case "create" -> {
                    List<DeviceId> invitees = Arrays.stream(words, 2, words.length).map(DeviceId::of).toList();
                    String id = chats.rooms().create(need(words, 1), invitees);
                    out.printLine("ROOM id=" + id + " name=" + words[1]);
                }
                case "invite" -> {
                    chats.rooms().invite(need(words, 1), DeviceId.of(need(words, 2)));
                    out.printLine("OK invite room=" + words[1]);
                }
                case "say" -> {
                    long seq = chats.rooms().say(need(words, 1), rest(command, 2));
                    out.printLine("ACCEPTED room=" + words[1] + " senderSeq=" + seq);
                }
                case "dm" -> {
                    long seq = chats.direct().send(DeviceId.of(need(words, 1)), rest(command, 2));
                    out.printLine("ACCEPTED direct=" + words[1] + " seq=" + seq);
                }
                case "history" -> {
                    for (RoomLine line : chats.rooms().history(need(words, 1))) {
                        out.printLine("LINE room=" + words[1] + " " + ChatPrinter.line(line));
                    }
                    out.printLine("END room=" + words[1]);
                }
                case "rooms" -> {
                    for (RoomSummary r : chats.rooms().list()) {
                        out.printLine("ROOMINFO id=" + r.roomId() + " host=" + r.host() + " epoch=" + r.epoch()
                                + " members=" + r.members().size() + " lastSeq=" + r.lastSeq() + " deleted=" + r.deleted()
                                + " unread=" + r.unread() + " name=" + ChatPrinter.escape(r.name()));
                    }
                    out.printLine("END rooms");
                }
                case "leave" -> ok("leave", words, () -> chats.rooms().leave(words[1]));
                case "mute" -> ok("mute", words, () -> chats.rooms().mute(words[1], true));
                case "unmute" -> ok("unmute", words, () -> chats.rooms().mute(words[1], false));
                case "delete" -> ok("delete", words, () -> chats.rooms().delete(words[1]));
                default -> out.printLine("ERROR unknown command " + words[0]
                        + " (create, invite, say, dm, history, rooms, leave, mute, unmute, delete)");
            }
        } catch (PeerShelfException | IllegalArgumentException e) {
            out.printLine("ERROR " + e.getMessage());
        }
    }

    private void ok(String what, String[] words, Runnable action) {
        need(words, 1);
        action.run();
        out.printLine("OK " + what + " room=" + words[1]);
    }

    private static String need(String[] words, int index) {
        if (words.length <= index) {
            throw new IllegalArgumentException("missing argument " + index + " of " + words[0]);
        }
        return words[index];
    }

    /** The text after the first {@code words} words, spaces kept. */
    private static String rest(String command, int words) {
        String rest = command;
        for (int i = 0; i < words; i++) {
            rest = rest.strip();
            int space = rest.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("missing text");
            }
            rest = rest.substring(space + 1);
        }
        return rest;
    }
}

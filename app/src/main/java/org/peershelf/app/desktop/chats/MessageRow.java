package org.peershelf.app.desktop.chats;

/**
 * A line of the conversation view: a day separator ({@code day} true, {@code text} the date), a notice about the
 * room itself ({@code notice} true, e.g. it changed host) or a message.
 */
public record MessageRow(boolean day, String sender, String time, String text, String mark, boolean mine,
                         boolean notice) {
    public MessageRow(boolean day, String sender, String time, String text, String mark, boolean mine) {
        this(day, sender, time, text, mark, mine, false);
    }

    static MessageRow separator(String date) {
        return new MessageRow(true, "", "", date, "", false);
    }

    static MessageRow notice(String time, String text) {
        return new MessageRow(false, "", time, text, "", false, true);
    }
}

package org.peershelf.app.desktop.chats;

/** A line of the conversation view: a day separator ({@code day} true, {@code text} the date) or a message. */
public record MessageRow(boolean day, String sender, String time, String text, String mark, boolean mine) {
    static MessageRow separator(String date) {
        return new MessageRow(true, "", "", date, "", false);
    }
}

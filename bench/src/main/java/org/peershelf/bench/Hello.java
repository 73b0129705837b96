package org.peershelf.bench;

/** The baseline for start-up: a JVM with the same class path that prints one line and exits. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("HELLO");
    }
}

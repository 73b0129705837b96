package org.peershelf.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps docs/PROTOCOL.md true: every EventType constant and every error code in the code is documented there. */
class ProtocolDocumentationTest {
    private static final Path DOC = Path.of("..", "docs", "PROTOCOL.md");

    @Test
    void everyEventIsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        List<String> names = eventNames();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            assertThat(doc).as("docs/PROTOCOL.md documents " + name).contains("`" + name + "`");
        }
    }

    @Test
    void everyErrorCodeIsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        for (Field field : ErrorCodes.class.getFields()) {
            assertThat(doc).contains("`" + field.get(null) + "`");
        }
    }

    /** All static EventType fields of all protocol classes, found by walking the compiled classes. */
    private static List<String> eventNames() throws IOException, URISyntaxException, ClassNotFoundException,
            IllegalAccessException {
        Path classes = Path.of(Events.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String className = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(className, false, Events.class.getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
                        field.setAccessible(true);
                        names.add(((EventType<?, ?>) field.get(null)).name());
                    }
                }
            }
        }
        return names;
    }
}

package org.peershelf.protocol.resource.repository;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.peershelf.protocol.resource.Resource;
import org.peershelf.protocol.store.AtomicFiles;

/**
 * The {@code resource.json} beside a held resource's files: metadata and manifest as JSON, written atomically.
 * Its presence is what makes a resource held, so it is written last on add and removed first on delete.
 */
final class ResourceFile {
    static final String NAME = "resource.json";
    private static final int MAX_BYTES = 64 << 20;

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    void write(Path file, Resource resource) throws IOException {
        AtomicFiles.write(file, mapper.writeValueAsString(resource).getBytes(UTF_8));
    }

    /**
     * @throws IOException              if it cannot be read
     * @throws IllegalArgumentException if it is not a valid resource (torn, edited, wrong id)
     */
    Resource read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException("larger than " + MAX_BYTES + " bytes");
        }
        try {
            Resource resource = mapper.readValue(Files.readAllBytes(file), Resource.class);
            if (resource == null) {
                throw new IllegalArgumentException("empty");
            }
            return resource;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (RuntimeException e) {
            // Jackson wraps what the records' constructors throw (bad path, wrong id)
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}

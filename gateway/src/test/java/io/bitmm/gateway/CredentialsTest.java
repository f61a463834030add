package io.bitmm.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialsTest
{
    @TempDir
    Path dir;

    private Path write(final String permissions) throws Exception
    {
        final Path file = dir.resolve("credentials-" + permissions);
        Files.writeString(file, "# bitget\nBITGET_API_KEY=key-1\nBITGET_API_SECRET=very-secret\nBITGET_API_PASSPHRASE=pp\n",
            StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void shouldReadAFileOnlyItsOwnerCanRead() throws Exception
    {
        final Credentials credentials = Credentials.fromFile(write("rw-------"));
        assertEquals("key-1", credentials.apiKey());
        assertEquals("pp", credentials.passphrase());
        assertEquals("very-secret", new String(credentials.secretBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAFileOthersCanRead() throws Exception
    {
        final Path file = write("rw-r--r--");
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> Credentials.fromFile(file));
        assertTrue(ex.getMessage().contains("0600"), ex.getMessage());
        assertFalse(ex.getMessage().contains("very-secret"));
    }

    @Test
    void shouldMaskEverythingAndNameOnlyMissingVariables() throws Exception
    {
        final String text = new Credentials("key-1", "very-secret", "pp").toString();
        assertFalse(text.contains("key-1") || text.contains("very-secret") || text.contains("pp]"), text);
        final Path file = dir.resolve("partial");
        Files.writeString(file, "BITGET_API_KEY=k\nBITGET_API_SECRET=s3cr3t\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        final IllegalStateException ex = assertThrows(IllegalStateException.class, () -> Credentials.fromFile(file));
        assertTrue(ex.getMessage().contains("BITGET_API_PASSPHRASE"), ex.getMessage());
        assertFalse(ex.getMessage().contains("s3cr3t"));
    }
}

package io.bitmm.app.stat;

import org.agrona.BitUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run's memory-mapped counters file, {@code counters.dat} in the run directory, laid out like Aeron's CnC file
 * (a small header, then Agrona's counters metadata and values buffers, then a distinct error log). The engine maps it
 * read-write and is the only writer; readers ({@code mm stat}, {@code mm errors}) map it read-only, while it runs or
 * after. The file stays when the run ends.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                   version (written last)                      |
 *  +---------------------------------------------------------------+
 *  |                 counters metadata buffer length               |
 *  +---------------------------------------------------------------+
 *  |                  counters values buffer length                |
 *  +---------------------------------------------------------------+
 *  |                      error log buffer length                  |
 *  +---------------------------------------------------------------+
 *  |                       engine process id                       |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                 start time, ms since the epoch                |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                  padding to 128 bytes (header)                |
 *  +---------------------------------------------------------------+
 *  |                   counters metadata buffer                    |
 *  +---------------------------------------------------------------+
 *  |                    counters values buffer                     |
 *  +---------------------------------------------------------------+
 *  |                       distinct error log                      |
 *  +---------------------------------------------------------------+
 * </pre>
 * All numbers little-endian (Agrona's buffers are native order; the engine and its readers run on one host).
 */
public final class CountersFile implements AutoCloseable
{
    /** The file's name in the run directory. */
    public static final String FILE_NAME = "counters.dat";
    /** Layout version: readers refuse another. */
    public static final int VERSION = 1;
    /** Counters a file has room for by default. */
    public static final int DEFAULT_CAPACITY = 1024;
    /** Bytes of the distinct error log by default. */
    public static final int DEFAULT_ERROR_LOG_BYTES = 1024 * 1024;

    static final int VERSION_OFFSET = 0;
    static final int METADATA_LENGTH_OFFSET = 4;
    static final int VALUES_LENGTH_OFFSET = 8;
    static final int ERROR_LOG_LENGTH_OFFSET = 12;
    static final int PID_OFFSET = 16;
    static final int START_MS_OFFSET = 24;
    static final int HEADER_LENGTH = 2 * BitUtil.CACHE_LINE_LENGTH;

    private final Path path;
    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final UnsafeBuffer metadata;
    private final UnsafeBuffer values;
    private final UnsafeBuffer errorLog;

    private CountersFile(final Path path, final MappedByteBuffer mapped)
    {
        this.path = path;
        this.mapped = mapped;
        this.header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        final int metadataLength = header.getInt(METADATA_LENGTH_OFFSET);
        final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
        final int errorLength = header.getInt(ERROR_LOG_LENGTH_OFFSET);
        if (HEADER_LENGTH + (long)metadataLength + valuesLength + errorLength > mapped.capacity())
        {
            throw new IllegalStateException(path + " is truncated or not a counters file");
        }
        this.metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength);
        this.values = new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength);
        this.errorLog = new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength + valuesLength, errorLength);
    }

    /**
     * Create (or replace) the file and map it read-write (engine side, slow path).
     *
     * @param runDir        the run directory.
     * @param capacity      how many counters it can hold.
     * @param errorLogBytes size of the distinct error log, bytes.
     * @param startMs       the run's start, ms since the epoch.
     * @return the mapped file, version written.
     * @throws IllegalStateException when the file cannot be created.
     */
    public static CountersFile create(final Path runDir, final int capacity, final int errorLogBytes, final long startMs)
    {
        final Path file = runDir.resolve(FILE_NAME);
        final int metadataLength = capacity * CountersReader.METADATA_LENGTH;
        final int valuesLength = capacity * CountersReader.COUNTER_LENGTH;
        final long length = (long)HEADER_LENGTH + metadataLength + valuesLength + errorLogBytes;
        try
        {
            Files.deleteIfExists(file);
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
            {
                raf.setLength(length);
                final MappedByteBuffer mapped = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, length);
                final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
                header.putInt(METADATA_LENGTH_OFFSET, metadataLength);
                header.putInt(VALUES_LENGTH_OFFSET, valuesLength);
                header.putInt(ERROR_LOG_LENGTH_OFFSET, errorLogBytes);
                header.putLong(PID_OFFSET, ProcessHandle.current().pid());
                header.putLong(START_MS_OFFSET, startMs);
                header.putIntRelease(VERSION_OFFSET, VERSION);
                return new CountersFile(file, mapped);
            }
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot create " + file + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Map an existing file read-only (reader side).
     *
     * @param file the counters file, or a run directory holding one.
     * @return the mapped file.
     * @throws IllegalStateException when it is missing, not yet initialised, or of another version.
     */
    public static CountersFile open(final Path file)
    {
        final Path path = Files.isDirectory(file) ? file.resolve(FILE_NAME) : file;
        if (!Files.isRegularFile(path))
        {
            throw new IllegalStateException("no counters file " + path + " (is this a run directory of a run " +
                "that started with counters?)");
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(path.toFile(), FileChannel.MapMode.READ_ONLY, FILE_NAME);
        final int version = new UnsafeBuffer(mapped, 0, HEADER_LENGTH).getIntVolatile(VERSION_OFFSET);
        if (version != VERSION)
        {
            IoUtil.unmap(mapped);
            throw new IllegalStateException(path + ": counters file version " + version + ", this reader knows " +
                VERSION + (version == 0 ? " (the engine is still creating it: try again)" : ""));
        }
        return new CountersFile(path, mapped);
    }

    /**
     * @return where the file is.
     */
    public Path path()
    {
        return path;
    }

    /**
     * @return the engine's process id.
     */
    public long pid()
    {
        return header.getLong(PID_OFFSET);
    }

    /**
     * @return the run's start, ms since the epoch.
     */
    public long startMs()
    {
        return header.getLong(START_MS_OFFSET);
    }

    /**
     * @return Agrona's counters metadata buffer.
     */
    public AtomicBuffer metadataBuffer()
    {
        return metadata;
    }

    /**
     * @return Agrona's counters values buffer.
     */
    public AtomicBuffer valuesBuffer()
    {
        return values;
    }

    /**
     * @return the distinct error log's buffer.
     */
    public AtomicBuffer errorLogBuffer()
    {
        return errorLog;
    }

    /**
     * @return a reader of the counters.
     */
    public CountersReader reader()
    {
        return new CountersReader(metadata, values);
    }

    /**
     * Unmap (the file stays).
     */
    @Override
    public void close()
    {
        IoUtil.unmap(mapped);
    }
}

package fr.passerelle.catalog.diff;

import java.io.IOException;
import java.io.InputStream;

/**
 * A clean CSV (UTF-8, comma, header first) that can be read from the start as many times as
 * needed: the comparison streams each version more than once instead of keeping it in memory.
 */
@FunctionalInterface
public interface CsvSource {

    /** A new stream on the file's first byte; the caller closes it. */
    InputStream open() throws IOException;
}

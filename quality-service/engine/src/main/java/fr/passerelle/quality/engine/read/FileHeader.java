package fr.passerelle.quality.engine.read;

import java.util.List;

/**
 * The column labels of a raw file, read without a schema.
 *
 * @param format  the format found from the content
 * @param labels  the header's labels, trimmed, trailing empty ones dropped; empty when none could be read
 * @param problem why no header could be read, in French; {@code null} when {@code labels} were read
 */
public record FileHeader(SourceFormat format, List<String> labels, String problem) {

    public FileHeader {
        labels = List.copyOf(labels);
    }

    static FileHeader unreadable(SourceFormat format, String problem) {
        return new FileHeader(format, List.of(), problem);
    }
}

package fr.passerelle.quality.engine.read;

import fr.passerelle.quality.engine.report.AppliedFix;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A source that changes another's rows and otherwise answers as that one does: whether its rows are distinct, what
 * reading fixed and noted, and closing it. Subclasses override what they change.
 */
public abstract class WrappedSource implements TableSource {

    protected final TableSource source;

    protected WrappedSource(TableSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public boolean distinctRows() {
        return source.distinctRows();
    }

    @Override
    public List<AppliedFix> readingFixes() {
        return source.readingFixes();
    }

    @Override
    public List<String> readingNotes() {
        return source.readingNotes();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}

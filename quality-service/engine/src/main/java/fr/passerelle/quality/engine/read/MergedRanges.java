package fr.passerelle.quality.engine.read;

import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * The merged ranges of a sheet that span several rows, the ones whose value a person reads on each of those rows
 * (a commune written once beside three of its car parks). Ranges one row high (a title across the table) are not
 * kept: the header locator handles titles. At most {@value #MAX} are kept, whatever the file declares; the others
 * are only counted.
 *
 * @param ranges  0-based, as POI numbers them
 * @param leftOut the ranges spanning several rows beyond {@value #MAX}, not filled
 */
record MergedRanges(List<CellRangeAddress> ranges, long leftOut) {

    /** Some hundred bytes each: a megabyte or two at most, for a sheet that merges far more than people do. */
    static final int MAX = 10_000;
    static final MergedRanges NONE = new MergedRanges(List.of(), 0);

    MergedRanges {
        ranges = List.copyOf(ranges);
    }

    /** Collects the ranges a sheet declares, one at a time, keeping what {@link MergedRanges} keeps. */
    static final class Collector {

        private final List<CellRangeAddress> ranges = new ArrayList<>();
        private long leftOut;

        /** @param reference an A1-style range such as {@code B5:B7}; an unreadable one is ignored */
        void add(String reference) {
            if (reference == null) {
                return;
            }
            try {
                add(CellRangeAddress.valueOf(reference.strip()));
            } catch (RuntimeException e) {
                // A range the spreadsheet itself could not show merges nothing.
            }
        }

        void add(CellRangeAddress range) {
            if (range.getFirstRow() < 0 || range.getLastRow() <= range.getFirstRow() || range.getFirstColumn() < 0
                    || range.getFirstColumn() >= TableReader.MAX_CELLS) {
                return;
            }
            if (ranges.size() < MAX) {
                ranges.add(range);
            } else {
                leftOut++;
            }
        }

        MergedRanges collected() {
            return ranges.isEmpty() && leftOut == 0 ? NONE : new MergedRanges(ranges, leftOut);
        }
    }
}

package fr.passerelle.catalog.diff;

import java.util.Arrays;

/**
 * The two 64-bit hashes of every row of one version (its key, its compared cells), in primitive
 * arrays: 16 bytes a row, never the rows themselves, and never more rows than the cap.
 */
final class RowHashes {

    private final int version;
    private final long rowCap;
    private long[] keys;
    private long[] rows;
    private int size;
    private boolean emptyKey;

    /** @param expectedRows the row count the catalogue recorded, to size the arrays once */
    RowHashes(int version, long expectedRows, long rowCap) {
        this.version = version;
        this.rowCap = rowCap;
        int initial = (int) Math.max(16, Math.min(expectedRows, Math.min(rowCap, Integer.MAX_VALUE - 8)));
        this.keys = new long[initial];
        this.rows = new long[initial];
    }

    void add(long keyHash, long rowHash, boolean keyIsEmpty) {
        if (size >= rowCap) {
            throw new TooManyRowsException(version, rowCap);
        }
        if (size == keys.length) {
            int grown = (int) Math.min(Math.min(rowCap, Integer.MAX_VALUE - 8), (long) size + (size >> 1) + 1);
            keys = Arrays.copyOf(keys, grown);
            rows = Arrays.copyOf(rows, grown);
        }
        keys[size] = keyHash;
        rows[size] = rowHash;
        size++;
        emptyKey |= keyIsEmpty;
    }

    /** Trims and sorts both arrays independently: lookups and merges then work by binary search. */
    void seal() {
        keys = Arrays.copyOf(keys, size);
        rows = Arrays.copyOf(rows, size);
        Arrays.sort(keys);
        Arrays.sort(rows);
    }

    int size() {
        return size;
    }

    long[] keys() {
        return keys;
    }

    long[] rows() {
        return rows;
    }

    boolean hasEmptyKey() {
        return emptyKey;
    }

    /** Only after {@link #seal()}. */
    boolean hasDuplicateKey() {
        for (int i = 1; i < size; i++) {
            if (keys[i] == keys[i - 1]) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(long[] sorted, long value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }

    /** How many values two sorted arrays share, each value counted as often as it appears in both. */
    static long matches(long[] a, long[] b) {
        long matches = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                matches++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return matches;
    }
}

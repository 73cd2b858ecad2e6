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

    /** Sorts both arrays independently (no copy: the unused tail stays out of every lookup). */
    void seal() {
        Arrays.sort(keys, 0, size);
        Arrays.sort(rows, 0, size);
    }

    int size() {
        return size;
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

    boolean containsKey(long keyHash) {
        return Arrays.binarySearch(keys, 0, size, keyHash) >= 0;
    }

    boolean containsRow(long rowHash) {
        return Arrays.binarySearch(rows, 0, size, rowHash) >= 0;
    }

    /** How many keys two sealed versions share. */
    static long commonKeys(RowHashes a, RowHashes b) {
        return matches(a.keys, a.size, b.keys, b.size);
    }

    /** How many rows two sealed versions share, a row counted as often as it appears in both. */
    static long commonRows(RowHashes a, RowHashes b) {
        return matches(a.rows, a.size, b.rows, b.size);
    }

    private static long matches(long[] a, int aSize, long[] b, int bSize) {
        long matches = 0;
        int i = 0;
        int j = 0;
        while (i < aSize && j < bSize) {
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

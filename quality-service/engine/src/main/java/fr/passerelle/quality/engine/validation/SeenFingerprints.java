package fr.passerelle.quality.engine.validation;

/**
 * The fingerprints met so far, each with the row it was first met on: what the uniqueness checks
 * remember of a file.
 *
 * <p>A plain {@code HashMap<Fingerprint, Long>} costs about 90 bytes an entry; this open-addressing
 * table keeps two longs and an int in arrays, 20 bytes a slot, 27 to 53 bytes an entry with the
 * load between 3/8 and 3/4. It is split into 64 segments that grow one at a time, so that
 * growing never holds two copies of the whole table. A million rows cost about 40 MB per check.
 */
final class SeenFingerprints {

    /** Returned by {@link #putIfAbsent} for a fingerprint not met before. */
    static final long NEW = 0;

    private static final int SEGMENT_BITS = 6;
    private static final int INITIAL_SLOTS = 16;

    private final Segment[] segments = new Segment[1 << SEGMENT_BITS];
    private long size;

    /**
     * @param rowNumber the row the fingerprint is met on, at least 1
     * @return the row it was first met on, or {@link #NEW} (and then it is recorded with {@code rowNumber})
     */
    long putIfAbsent(Fingerprint fingerprint, long rowNumber) {
        long high = fingerprint.high();
        // Two zero longs mark an empty slot: the one fingerprint spelled so (odds 2^-128) is moved next door.
        long low = high == 0 && fingerprint.low() == 0 ? 1 : fingerprint.low();
        int index = (int) (high >>> (Long.SIZE - SEGMENT_BITS));
        Segment segment = segments[index];
        if (segment == null) {
            segment = new Segment(INITIAL_SLOTS);
            segments[index] = segment;
        }
        long first = segment.putIfAbsent(high, low, rowNumber);
        if (first == NEW) {
            size++;
        }
        return first;
    }

    boolean contains(Fingerprint fingerprint) {
        long high = fingerprint.high();
        long low = high == 0 && fingerprint.low() == 0 ? 1 : fingerprint.low();
        Segment segment = segments[(int) (high >>> (Long.SIZE - SEGMENT_BITS))];
        return segment != null && segment.find(high, low) >= 0;
    }

    long size() {
        return size;
    }

    /** Linear probing on the low bits; the segment was chosen on the high ones. */
    private static final class Segment {

        private long[] keys;
        private int[] rows;
        private int mask;
        private int size;

        Segment(int slots) {
            keys = new long[2 * slots];
            rows = new int[slots];
            mask = slots - 1;
        }

        long putIfAbsent(long high, long low, long rowNumber) {
            int slot = find(high, low);
            if (slot >= 0) {
                return rows[slot];
            }
            int row = (int) Math.min(rowNumber, Integer.MAX_VALUE);
            if (size + 1 > (mask + 1) / 4 * 3) {
                grow();
                insert(high, low, row);
            } else {
                // The free slot the search stopped at: no second walk along the same slots.
                slot = ~slot;
                keys[2 * slot] = high;
                keys[2 * slot + 1] = low;
                rows[slot] = row;
            }
            size++;
            return NEW;
        }

        /** @return the slot holding the fingerprint, or the complement (negative) of the free slot ending its probe */
        int find(long high, long low) {
            for (int slot = (int) low & mask; ; slot = (slot + 1) & mask) {
                long slotHigh = keys[2 * slot];
                long slotLow = keys[2 * slot + 1];
                if (slotHigh == high && slotLow == low) {
                    return slot;
                }
                if (slotHigh == 0 && slotLow == 0) {
                    return ~slot;
                }
            }
        }

        private void insert(long high, long low, int row) {
            int slot = (int) low & mask;
            while (keys[2 * slot] != 0 || keys[2 * slot + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[2 * slot] = high;
            keys[2 * slot + 1] = low;
            rows[slot] = row;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldRows = rows;
            int slots = 2 * (mask + 1);
            keys = new long[2 * slots];
            rows = new int[slots];
            mask = slots - 1;
            for (int slot = 0; slot < oldRows.length; slot++) {
                if (oldKeys[2 * slot] != 0 || oldKeys[2 * slot + 1] != 0) {
                    insert(oldKeys[2 * slot], oldKeys[2 * slot + 1], oldRows[slot]);
                }
            }
        }
    }
}

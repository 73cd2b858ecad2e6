package fr.passerelle.quality.engine.read;

import java.util.function.Function;

/**
 * What a function of a cell's text gave for the texts met lately, so that a column repeating its values (an
 * operator's e-mail address on each of its rows, the same opening hours, the same town code) computes each once
 * in a while instead of on every row. Only for functions of the text alone: the same text always gives the same
 * result, so a result taken from here is the one the function would give.
 *
 * <p>Direct-mapped, like a CPU cache: {@value #SLOTS} slots chosen by the text's hash, a text replacing the one
 * in its slot. A column of few values finds them nearly always; a column of distinct values (ids) costs a hash, a
 * compare and an entry per cell, little beside what it memoizes. Bounded: texts longer than {@value #MAX_LENGTH}
 * characters are not kept, so an instance holds at most some 100 KB.
 *
 * <p>Shared between threads without locks: each slot holds an immutable entry, written and read as a whole
 * reference; a thread sees an entry another one wrote (its final fields initialised) or an older one or none,
 * each a right answer.
 */
public final class RecentResults<V> {

    private static final int SLOTS = 256;
    private static final int MAX_LENGTH = 128;

    private final Function<String, V> function;
    @SuppressWarnings("unchecked")
    private final Entry<V>[] slots = (Entry<V>[]) new Entry<?>[SLOTS];

    /** @param function a function of the text alone (no state, no randomness), never returning {@code null} */
    public RecentResults(Function<String, V> function) {
        this.function = function;
    }

    public V get(String text) {
        if (text.length() > MAX_LENGTH) {
            return function.apply(text);
        }
        int hash = text.hashCode();
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        Entry<V> entry = slots[slot];
        if (entry != null && entry.hash == hash && entry.text.equals(text)) {
            return entry.value;
        }
        V value = function.apply(text);
        slots[slot] = new Entry<>(text, hash, value);
        return value;
    }

    private record Entry<V>(String text, int hash, V value) {
    }
}

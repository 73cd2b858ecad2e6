package fr.passerelle.quality.engine.schema;

/**
 * The text a pattern is matched against, with a budget of character reads: some patterns, such
 * as {@code (.*a){12}}, backtrack for hours on a long cell (Java memoizes {@code (a+)+}, not
 * these), and one cell must not stall the check of a whole file. The budget, a million reads plus
 * a thousand per character, is far above what a sane pattern needs.
 */
final class BoundedCharSequence implements CharSequence {

    private static final long BASE_BUDGET = 1_000_000;
    private static final long BUDGET_PER_CHAR = 1_000;

    private final String text;
    private final Budget budget;

    BoundedCharSequence(String text) {
        this(text, new Budget(BASE_BUDGET + BUDGET_PER_CHAR * text.length()));
    }

    private BoundedCharSequence(String text, Budget budget) {
        this.text = text;
        this.budget = budget;
    }

    @Override
    public char charAt(int index) {
        if (--budget.remaining < 0) {
            throw new BudgetExceededException();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedCharSequence(text.substring(start, end), budget);
    }

    @Override
    public String toString() {
        return text;
    }

    private static final class Budget {
        private long remaining;

        Budget(long remaining) {
            this.remaining = remaining;
        }
    }

    static final class BudgetExceededException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceededException() {
            super("Pattern matching took too many steps", null, false, false);
        }
    }
}

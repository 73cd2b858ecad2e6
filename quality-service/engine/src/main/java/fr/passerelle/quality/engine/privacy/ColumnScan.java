package fr.passerelle.quality.engine.privacy;

import fr.passerelle.quality.engine.read.RecentResults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one column of the raw file holds, counted as the rows stream by. Bounded: a few counters and
 * at most {@link PersonalDataFinding#MAX_SAMPLES} masked samples per signal, whatever the row count.
 */
final class ColumnScan {

    final String label;
    /** The schema field the column fills, or {@code null} when the schema does not expect it. */
    final String field;
    final PersonNames.Header header;

    private long nonEmpty;
    private final Signal personalEmails = new Signal();
    /** Neither functional nor clearly a person's: flagged only in a column the schema does not expect. */
    private final Signal otherEmails = new Signal();
    private final Signal mobiles = new Signal();
    private long fixedLines;
    private final Signal nirs = new Signal();
    private final Signal ibans = new Signal();
    /** Cells matching what the header announces (a first name under "prénom"...). */
    private final Signal headerLike = new Signal();
    /** Cells reading "Prénom NOM", whatever the header. */
    private final Signal fullNames = new Signal();
    /**
     * A column's cells often repeat (an operator's e-mail address or phone number on each of its rows): each text is
     * analysed once in a while, and every cell is still counted by {@link #record}.
     */
    private final RecentResults<Inspection> recent = new RecentResults<>(this::analyseText);

    ColumnScan(String label, String field) {
        this.label = label;
        this.field = field;
        this.header = field == null ? PersonNames.header(label) : PersonNames.Header.NONE;
    }

    /** Whether any cell so far held something personal, or a fixed line (which may outnumber mobiles later). */
    boolean foundSomething() {
        return personalEmails.count > 0 || otherEmails.count > 0 || mobiles.count > 0 || fixedLines > 0
                || nirs.count > 0 || ibans.count > 0 || headerLike.count > 0 || fullNames.count > 0;
    }

    boolean expectedBySchema() {
        return field != null;
    }

    void inspect(String cell) {
        record(analyse(cell));
    }

    /**
     * What {@link #inspect} would count for {@code cell}, without counting it: it reads only what the column's
     * header fixed, so it may run on any thread, cells in any order; {@link #record} then counts it, in file order.
     */
    Inspection analyse(String cell) {
        if (cell.isEmpty()) {
            return Inspection.EMPTY;
        }
        return recent.get(cell);
    }

    /** {@link #analyse} of a non-empty cell: a function of its text alone (and of the column's header and field). */
    private Inspection analyseText(String cell) {
        int digits = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        if (digits >= 13 && SocialSecurityNumbers.isNir(cell)) {
            return Inspection.of(new Hit(HitKind.NIR, SocialSecurityNumbers.mask(cell)));
        }
        if (digits >= 8 && BankAccountNumbers.isIban(cell)) {
            return Inspection.of(new Hit(HitKind.IBAN, BankAccountNumbers.mask(cell)));
        }
        List<Hit> hits = new ArrayList<>(0);
        if (cell.indexOf('@') >= 0) {
            EmailAddresses.find(cell, found -> {
                switch (EmailAddresses.owner(found.address())) {
                    case PERSON -> hits.add(new Hit(HitKind.PERSONAL_EMAIL, EmailAddresses.mask(found.address())));
                    case UNKNOWN -> hits.add(new Hit(HitKind.OTHER_EMAIL, EmailAddresses.mask(found.address())));
                    case FUNCTIONAL -> { }
                }
            });
        }
        if (digits >= FrenchPhoneNumbers.MIN_DIGITS) {
            FrenchPhoneNumbers.find(cell, found -> hits.add(found.mobile()
                    ? new Hit(HitKind.MOBILE, FrenchPhoneNumbers.mask(found.nationalDigits()))
                    : new Hit(HitKind.FIXED_LINE, null)));
        }
        if (field == null) {
            if (header != PersonNames.Header.NONE && PersonNames.confirms(header, cell)) {
                hits.add(new Hit(HitKind.HEADER_LIKE, PersonNames.mask(cell)));
            }
            if (PersonNames.looksLikeFullName(cell)) {
                hits.add(new Hit(HitKind.FULL_NAME, PersonNames.mask(cell)));
            }
        }
        return hits.isEmpty() ? Inspection.NOTHING : new Inspection(true, hits);
    }

    /** Counts a cell's {@link #analyse analysis}: cells must come here in file order (samples keep the first ones). */
    void record(Inspection inspection) {
        if (!inspection.nonEmpty()) {
            return;
        }
        nonEmpty++;
        for (Hit hit : inspection.hits()) {
            switch (hit.kind()) {
                case NIR -> nirs.add(hit.sample());
                case IBAN -> ibans.add(hit.sample());
                case PERSONAL_EMAIL -> personalEmails.add(hit.sample());
                case OTHER_EMAIL -> otherEmails.add(hit.sample());
                case MOBILE -> mobiles.add(hit.sample());
                case FIXED_LINE -> fixedLines++;
                case HEADER_LIKE -> headerLike.add(hit.sample());
                case FULL_NAME -> fullNames.add(hit.sample());
            }
        }
    }

    /** What one cell holds, as {@link #analyse} found it, in the order {@link #record} counts it. */
    record Inspection(boolean nonEmpty, List<Hit> hits) {

        static final Inspection EMPTY = new Inspection(false, List.of());
        static final Inspection NOTHING = new Inspection(true, List.of());

        static Inspection of(Hit hit) {
            return new Inspection(true, List.of(hit));
        }
    }

    /** One thing found in a cell: its kind and its masked sample ({@code null} for a fixed line, only counted). */
    record Hit(HitKind kind, String sample) {
    }

    enum HitKind { NIR, IBAN, PERSONAL_EMAIL, OTHER_EMAIL, MOBILE, FIXED_LINE, HEADER_LIKE, FULL_NAME }

    /** Whether this column, by its header and values, holds first names, full names or titles of persons. */
    boolean confirmsPersons() {
        return (header == PersonNames.Header.FIRST_NAME || header == PersonNames.Header.FULL_NAME
                || header == PersonNames.Header.CIVILITY) && mostly(headerLike.count);
    }

    /**
     * What this column holds that is personal, by kind.
     *
     * @param personsBeside another column of the file holds first names or titles: a bare "nom" column next
     *                      to it holds surnames
     */
    List<Detected> detected(boolean personsBeside) {
        List<Detected> detected = new ArrayList<>();
        Signal emails = expectedBySchema() ? personalEmails : personalEmails.plus(otherEmails);
        if (emails.count > 0) {
            detected.add(new Detected(PersonalDataKind.EMAIL, emails));
        }
        // In a column the schema expects, mobiles count when they outnumber switchboards.
        if (mobiles.count > 0 && (!expectedBySchema() || mobiles.count > fixedLines)) {
            detected.add(new Detected(PersonalDataKind.PHONE, mobiles));
        }
        if (nirs.count > 0) {
            detected.add(new Detected(PersonalDataKind.NIR, nirs));
        }
        if (ibans.count > 0) {
            detected.add(new Detected(PersonalDataKind.IBAN, ibans));
        }
        personNames(personsBeside).ifPresent(names -> detected.add(new Detected(PersonalDataKind.PERSON_NAME, names)));
        return detected;
    }

    private Optional<Signal> personNames(boolean personsBeside) {
        if (expectedBySchema()) {
            return Optional.empty();
        }
        boolean flagged = switch (header) {
            // No header clue: the values alone must leave no doubt.
            case NONE -> fullNames.count >= 3 && fullNames.count * 10 >= nonEmpty * 8;
            case BARE_NAME -> personsBeside ? mostly(headerLike.count) : mostly(fullNames.count);
            case FULL_NAME, FIRST_NAME, SURNAME, CIVILITY, BIRTH_DATE -> mostly(headerLike.count);
        };
        if (!flagged) {
            return Optional.empty();
        }
        boolean byHeader = header != PersonNames.Header.NONE && (header != PersonNames.Header.BARE_NAME || personsBeside);
        return Optional.of(byHeader ? headerLike : fullNames);
    }

    /** At least half of the non-empty cells, and at least one. */
    private boolean mostly(long count) {
        return count > 0 && count * 2 >= nonEmpty;
    }

    /** Personal data of one kind in this column. */
    record Detected(PersonalDataKind kind, Signal signal) {
    }

    /** A count and its first distinct masked samples. */
    static final class Signal {
        long count;
        final List<String> samples = new ArrayList<>(PersonalDataFinding.MAX_SAMPLES);

        void add(String maskedSample) {
            count++;
            if (samples.size() < PersonalDataFinding.MAX_SAMPLES && !samples.contains(maskedSample)) {
                samples.add(maskedSample);
            }
        }

        Signal plus(Signal other) {
            Signal sum = new Signal();
            sum.count = count + other.count;
            for (String sample : samples) {
                sum.samples.add(sample);
            }
            for (String sample : other.samples) {
                if (sum.samples.size() < PersonalDataFinding.MAX_SAMPLES && !sum.samples.contains(sample)) {
                    sum.samples.add(sample);
                }
            }
            return sum;
        }
    }
}

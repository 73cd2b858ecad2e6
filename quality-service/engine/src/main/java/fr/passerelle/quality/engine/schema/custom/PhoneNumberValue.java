package fr.passerelle.quality.engine.schema.custom;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.ShortNumberInfo;
import fr.passerelle.quality.engine.report.ErrorCode;
import fr.passerelle.quality.engine.schema.CustomCheck;
import fr.passerelle.quality.engine.schema.Field;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code phone-number-value}, as Validata checks it with Google's phone-number metadata: a valid French number
 * (national "01 99 00 27 37" or international "+33 1 99 00 27 37"), a valid French short number ("115", "3949"), or a
 * valid number of any country written with its "+" prefix.
 */
final class PhoneNumberValue implements CustomCheck {

    static final String NAME = "phone-number-value";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final ShortNumberInfo SHORT_NUMBERS = ShortNumberInfo.getInstance();

    private final String field;

    private PhoneNumberValue(String field) {
        this.field = field;
    }

    static Optional<CustomCheck> of(Map<String, Object> params, List<Field> fields) {
        return CustomCheckRegistry.column(params, fields).map(column -> new PhoneNumberValue(column.name()));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PHONE_NUMBER_VALUE;
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public Optional<Violation> check(Object value, String text) {
        return isValid(text) ? Optional.empty()
                : Optional.of(new Violation("n'est pas un numéro de téléphone valide",
                        ErrorCode.PHONE_NUMBER_VALUE.defaultHint()));
    }

    static boolean isValid(String text) {
        try {
            PhoneNumber french = PHONES.parse(text, "FR");
            if (PHONES.isValidNumber(french) || SHORT_NUMBERS.isValidShortNumber(french)) {
                return true;
            }
        } catch (NumberParseException e) {
            // Not even French-looking: an international number may still be.
        }
        try {
            return PHONES.isValidNumber(PHONES.parse(text, null));
        } catch (NumberParseException e) {
            return false;
        }
    }
}

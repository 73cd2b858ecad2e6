package fr.passerelle.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = RetrySchedule.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));

    @Test
    void eachFailedAttemptWaitsTheNextDelayInTurn() {
        assertEquals(Optional.of(Duration.ofSeconds(10)), schedule.after(1));
        assertEquals(Optional.of(Duration.ofSeconds(30)), schedule.after(2));
        assertEquals(Optional.of(Duration.ofMinutes(2)), schedule.after(3));
        assertEquals(Optional.of(Duration.ofMinutes(10)), schedule.after(4));
        assertEquals(Optional.of(Duration.ofHours(1)), schedule.after(5));
    }

    @Test
    void afterTheLastDelayTheDeliveryIsGivenUp() {
        assertEquals(6, schedule.maxAttempts());
        assertEquals(Optional.empty(), schedule.after(6));
        assertEquals(Optional.empty(), schedule.after(7));
    }

    @Test
    void theDefaultScheduleGivesNineAttemptsOverAboutADay() {
        RetrySchedule defaults = new RetrySchedule(java.util.Arrays.stream(
                "10s,30s,2m,10m,1h,3h,6h,12h".split(",")).map(RetryScheduleTest::duration).toList());
        assertEquals(9, defaults.maxAttempts());
        Duration total = Duration.ZERO;
        for (int attempt = 1; defaults.after(attempt).isPresent(); attempt++) {
            total = total.plus(defaults.after(attempt).get());
        }
        assertEquals(Duration.ofHours(22).plusMinutes(12).plusSeconds(40), total);
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
    }
}

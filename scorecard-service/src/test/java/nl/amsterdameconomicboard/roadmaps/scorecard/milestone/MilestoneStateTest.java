package nl.amsterdameconomicboard.roadmaps.scorecard.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A milestone's status on any day, from one entry per day with a change, is what its whole history says. */
class MilestoneStateTest {

    private static final List<String> STATUSES = List.of("PLANNED", "ON_TRACK", "AT_RISK", "ACHIEVED", "MISSED");

    @Test
    void theDayEntriesAnswerEveryDayAsTheWholeHistoryDoes() {
        Random random = new Random(12);
        for (int milestone = 0; milestone < 200; milestone++) {
            List<MilestoneState.StatusAt> history = new ArrayList<>();
            Instant at = Instant.parse("2017-01-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(60 * 24 * 30)));
            int changes = 1 + random.nextInt(random.nextBoolean() ? 5 : 400);
            for (int revision = 1; revision <= changes; revision++) {
                // mostly minutes apart (many on one day), sometimes weeks; now and then a clock that went back
                at = at.plus(Duration.ofMinutes(random.nextInt(10) == 0 ? random.nextInt(60 * 24 * 40) : random.nextInt(90)))
                        .minus(Duration.ofMinutes(random.nextInt(20) == 0 ? random.nextInt(60 * 24 * 3) : 0));
                history.add(new MilestoneState.StatusAt(revision, STATUSES.get(random.nextInt(STATUSES.size())), at, "note " + revision));
            }
            Collections.shuffle(history, random); // a repair reads them in any order
            MilestoneState state = MilestoneState.withHistory("circular/m" + milestone, "circular", "s", "m" + milestone, "nl", "en",
                    LocalDate.of(2030, 1, 1), "PLANNED", changes, null, at, history);

            LocalDate first = history.stream().map(MilestoneState.StatusAt::at).min(Comparator.naturalOrder()).orElseThrow()
                    .atZone(ZoneOffset.UTC).toLocalDate();
            assertThat(state.firstDay()).contains(first);
            assertThat(state.days().size()).as("one entry per day with a change").isLessThanOrEqualTo(changes);
            for (LocalDate day = first.minusDays(2); !day.isAfter(first.plusDays(400)); day = day.plusDays(1)) {
                assertThat(state.statusAt(day)).as("milestone %d on %s", milestone, day).isEqualTo(fromWholeHistory(history, day));
            }
        }
    }

    @Test
    void aThousandChangesOnOneDayAreOneEntry() {
        List<MilestoneState.StatusAt> history = new ArrayList<>();
        for (int revision = 1; revision <= 1000; revision++) {
            history.add(new MilestoneState.StatusAt(revision, revision % 2 == 0 ? "AT_RISK" : "ON_TRACK",
                    Instant.parse("2026-11-29T08:00:00Z").plusSeconds(revision), null));
        }
        MilestoneState state = MilestoneState.withHistory("circular/m", "circular", "s", "m", "nl", "en", null, "AT_RISK", 1000, null,
                Instant.parse("2026-11-29T08:16:40Z"), history);

        assertThat(state.days()).containsOnlyKeys("2026-11-29");
        assertThat(state.statusAt(LocalDate.of(2026, 11, 29))).map(MilestoneState.StatusAt::revision).contains(1000L);
        assertThat(state.statusAt(LocalDate.of(2026, 11, 28))).isEmpty();
    }

    /** What the whole history says: the change of the highest revision made before the end of the day. */
    private static Optional<MilestoneState.StatusAt> fromWholeHistory(List<MilestoneState.StatusAt> history, LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return history.stream().filter(h -> h.at().isBefore(end)).max(Comparator.comparingLong(MilestoneState.StatusAt::revision));
    }
}

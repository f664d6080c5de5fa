package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.indicator.IndicatorState;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneProjection;
import nl.amsterdameconomicboard.roadmaps.scorecard.milestone.MilestoneState;
import org.springframework.stereotype.Component;

/**
 * What needs a challenge's attention today, from the scorecard's states of every challenge: milestones overdue or due
 * soon, and indicators that have gone stale. The same list goes into the digest and into the dashboard.
 */
@Component
public class Attention {

    private final MilestoneProjection milestones;
    private final IndicatorProjection indicators;
    private final ReminderProperties properties;
    private final Clock clock;

    Attention(MilestoneProjection milestones, IndicatorProjection indicators, ReminderProperties properties, Clock clock) {
        this.milestones = milestones;
        this.indicators = indicators;
        this.properties = properties;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Overdue milestones (the longest overdue first), then those due soon (the soonest first), then stale indicators. */
    public List<AttentionItem> of(String challenge) {
        return of(milestones.ofChallenge(challenge), indicators.ofChallenge(challenge), today(), properties);
    }

    static List<AttentionItem> of(List<MilestoneState> milestones, List<IndicatorState> indicators, LocalDate today,
                                  ReminderProperties properties) {
        LocalDate dueBy = today.plusDays(properties.dueWithin().toDays());
        LocalDate staleBefore = today.minusDays(properties.staleAfter().toDays());
        List<AttentionItem> items = new ArrayList<>();
        milestones.stream().filter(m -> !m.isClosed() && m.deadline() != null && !m.deadline().isAfter(dueBy))
                .sorted(Comparator.comparing(MilestoneState::deadline).thenComparing(MilestoneState::milestone))
                .forEach(m -> {
                    boolean overdue = m.isOverdue(today);
                    items.add(new AttentionItem(m.challenge(), overdue ? AttentionItem.OVERDUE : AttentionItem.DUE, m.milestone(), m.spearhead(),
                            m.titleNl(), m.titleEn(), m.deadline(), m.status(),
                            overdue ? ChronoUnit.DAYS.between(m.deadline(), today) : ChronoUnit.DAYS.between(today, m.deadline())));
                });
        items.sort(Comparator.comparing((AttentionItem i) -> i.kind().equals(AttentionItem.OVERDUE) ? 0 : 1)); // stable: by deadline within
        for (IndicatorState i : indicators.stream().sorted(Comparator.comparing(IndicatorState::indicator)).toList()) {
            if (i.computed()) {
                continue; // counted from a register by the platform: always current
            }
            LocalDate last = lastValueDate(i);
            if (last == null || last.isBefore(staleBefore)) {
                items.add(new AttentionItem(i.challenge(), AttentionItem.STALE, i.indicator(), i.spearhead(), i.nameNl(), i.nameEn(), last,
                        null, last == null ? null : ChronoUnit.DAYS.between(last, today)));
            }
        }
        return items;
    }

    /** The latest measurement's date, else the baseline's; null when the indicator has neither. */
    private static LocalDate lastValueDate(IndicatorState indicator) {
        Optional<LocalDate> latest = indicator.measurements().stream().map(IndicatorState.Point::date).max(Comparator.naturalOrder());
        return latest.orElse(indicator.baselineDate());
    }
}

package nl.amsterdameconomicboard.roadmaps.scorecard.reminders;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.amsterdameconomicboard.roadmaps.scorecard.ScorecardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends each challenge editor one digest of what needs their attention across every challenge they edit, at most once
 * per {@link ReminderProperties#interval()}: on the schedule ({@code reminders.schedule}, Mondays 07:00 Amsterdam time by
 * default) and when an admin asks. Computed here, not in the challenge services, because the scorecard has every
 * challenge's milestones and indicators: a person who edits two challenges gets one digest, and one claim per person
 * in one store keeps the weekly rule.
 */
@Component
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final ScorecardProperties challenges;
    private final ReminderProperties properties;
    private final Attention attention;
    private final KeycloakEditors editors;
    private final DigestSendings sendings;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;

    Digests(ScorecardProperties challenges, ReminderProperties properties, Attention attention, KeycloakEditors editors,
            DigestSendings sendings, ObjectProvider<JavaMailSender> mail, Clock clock) {
        this.challenges = challenges;
        this.properties = properties;
        this.attention = attention;
        this.editors = editors;
        this.sendings = sendings;
        this.mail = mail;
        this.clock = clock;
    }

    /** Why digests cannot be sent here, or empty when they can. */
    Optional<String> notConfigured() {
        if (mail.getIfAvailable() == null) {
            return Optional.of("no mail server is configured (SPRING_MAIL_HOST)");
        }
        if (!editors.configured()) {
            return Optional.of("the Keycloak client that lists the editors has no secret (REMINDERS_KEYCLOAK_CLIENT_SECRET)");
        }
        return Optional.empty();
    }

    @Scheduled(cron = "${reminders.schedule:0 0 7 * * MON}", zone = "${reminders.zone:Europe/Amsterdam}")
    void onSchedule() {
        Optional<String> missing = notConfigured();
        if (missing.isPresent()) {
            log.warn("No reminder digests sent: {}", missing.get());
            return;
        }
        try {
            Report report = send();
            log.info("Reminder digests: {} sent, {} not sent", report.sent(), report.results().size() - report.sent());
        } catch (RuntimeException e) {
            log.error("Reminder digests not sent: {}", e.getMessage(), e); // the next run tries again
        }
    }

    /** Sends every editor who is due a digest and has something in it; each result says what happened and why. */
    Report send() {
        JavaMailSender sender = mail.getObject();
        Instant now = clock.instant();
        Instant notAfter = now.minus(properties.interval());
        Map<String, List<AttentionItem>> items = new LinkedHashMap<>();
        challenges.challenges().forEach(c -> items.put(c, attention.of(c)));
        List<Result> results = new ArrayList<>();
        for (Editor editor : editors.of(challenges.challenges())) {
            Map<String, List<AttentionItem>> theirs = new LinkedHashMap<>();
            editor.challenges().stream().filter(c -> !items.get(c).isEmpty()).forEach(c -> theirs.put(c, items.get(c)));
            int count = theirs.values().stream().mapToInt(List::size).sum();
            if (count == 0) {
                results.add(new Result(editor.username(), editor.challenges(), 0, "nothing-to-report"));
                continue;
            }
            Optional<DigestSendings.Claim> claim = sendings.claim(editor, now, notAfter);
            if (claim.isEmpty()) {
                results.add(new Result(editor.username(), editor.challenges(), count, "sent-within-interval"));
                continue;
            }
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(properties.from());
                message.setTo(editor.email());
                message.setSubject(DigestMail.subject(count));
                message.setText(DigestMail.body(editor, theirs, attention.today(), properties.dashboardUrl()));
                sender.send(message);
                results.add(new Result(editor.username(), editor.challenges(), count, "sent"));
            } catch (MailException e) {
                sendings.release(claim.get()); // not sent: the next run may try again
                log.error("Reminder digest to {} not sent: {}", editor.username(), e.getMessage());
                results.add(new Result(editor.username(), editor.challenges(), count, "failed"));
            }
        }
        return new Report(now, results);
    }

    /** @param outcome sent, sent-within-interval (not again), nothing-to-report, failed (the mail server refused; tried again next run) */
    record Result(String username, List<String> challenges, int items, String outcome) {
    }

    record Report(Instant at, List<Result> results) {

        long sent() {
            return results.stream().filter(r -> r.outcome().equals("sent")).count();
        }
    }
}

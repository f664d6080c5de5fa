package nl.amsterdameconomicboard.roadmaps.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * Concurrent writers of milestone status changes. Each writer owns its own milestones (so writers never race for one)
 * and moves each between {@code ON_TRACK} and {@code AT_RISK} (a {@code PLANNED} one goes to {@code ON_TRACK} first),
 * with a note, as a challenge team would. With a rate the writers share an open-model schedule (change {@code n} is due
 * at {@code start + n / rate}; a writer that is late sends at once and the wait counts); without one each writes as
 * fast as its answers come (closed model).
 */
final class Writers {

    /** A milestone a writer changes; its status as this writer last set it. */
    static final class Milestone {
        final String challenge;
        final String id;
        volatile String status;

        Milestone(String challenge, String id, String status) {
            this.challenge = challenge;
            this.id = id;
            this.status = status;
        }

        String key() {
            return challenge + "/" + id;
        }

        String next() {
            return "ON_TRACK".equals(status) ? "AT_RISK" : "ON_TRACK";
        }
    }

    /** What happens around one change: told before it is sent and when its answer is in. */
    interface Observer {
        Object before(Milestone milestone, long intendedNanos);

        void after(Object handle, int status, long answeredNanos);
    }

    /** What the writers did. */
    record Outcome(long accepted, long refused, double seconds) {
    }

    private static final List<String> OPEN = List.of("PLANNED", "ON_TRACK", "AT_RISK");

    private Writers() {
    }

    /** The milestones of these challenges that are still open (a closed one needs an admin to reopen it). */
    static List<Milestone> open(Http http, URI gateway, List<String> challenges) throws Exception {
        List<Milestone> open = new ArrayList<>();
        for (String challenge : challenges) {
            JsonNode page = http.getJson(gateway.resolve("/api/" + challenge + "/milestones?page=0&size=200"));
            for (JsonNode milestone : Http.objectsWith(page, "id", "status")) {
                if (OPEN.contains(milestone.get("status").asString())) {
                    open.add(new Milestone(challenge, milestone.get("id").asString(), milestone.get("status").asString()));
                }
            }
        }
        if (open.isEmpty()) {
            throw new IllegalStateException("No open milestone to change in " + challenges);
        }
        return open;
    }

    /**
     * Runs {@code writers} writers until {@code duration} has passed or {@code count} changes were sent.
     *
     * @param rate  changes per second of all writers together, or 0 for as fast as they are answered
     * @param base  where the changes go: the gateway, or (for the direct baseline) a function of the challenge
     */
    static Outcome run(Http http, java.util.function.Function<String, URI> base, String token, List<Milestone> milestones, int writers,
                       double rate, Duration duration, long count, Observer observer) {
        if (milestones.size() < writers) {
            throw new IllegalStateException(writers + " writers need at least as many open milestones; there are " + milestones.size());
        }
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int w = 0; w < writers; w++) {
            List<Milestone> own = new ArrayList<>();
            for (int i = w; i < milestones.size(); i += writers) {
                own.add(milestones.get(i));
            }
            int writer = w;
            Thread thread = new Thread(() -> {
                for (long i = 0; failures.isEmpty(); i++) {
                    long n = i * writers + writer;
                    if (count > 0 && n >= count) {
                        return;
                    }
                    long intended = rate > 0 ? start + (long) (n * 1e9 / rate) : System.nanoTime();
                    if (intended >= end) {
                        return;
                    }
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    Milestone milestone = own.get((int) (i % own.size()));
                    String target = milestone.next();
                    Object handle = observer.before(milestone, intended);
                    int status;
                    try {
                        status = http.send(HttpRequest.newBuilder(base.apply(milestone.challenge)
                                        .resolve("/api/" + milestone.challenge + "/milestones/" + milestone.id + "/status"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\": \"" + target + "\", \"note\": \"bench writer " + writer
                                        + " change " + i + "\"}")).build()).statusCode();
                    } catch (RateLimitedException e) {
                        failures.add(e);
                        return;
                    } catch (Exception e) {
                        status = -1;
                    }
                    observer.after(handle, status, System.nanoTime());
                    if (status == 200) {
                        milestone.status = target;
                        accepted.incrementAndGet();
                    } else {
                        refused.incrementAndGet();
                        if (status == 401 || status == 403) {
                            failures.add(new IllegalStateException("A change of " + milestone.key() + " was refused with " + status
                                    + ": the bench's token (user admin) is not accepted"));
                            return;
                        }
                        refresh(http, base.apply(milestone.challenge), milestone);
                    }
                }
            }, "writer-" + w);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Outcome(accepted.get(), refused.get(), (System.nanoTime() - start) / 1e9);
    }

    /** After a refusal (a conflict, say) the writer reads the milestone's status again. */
    private static void refresh(Http http, URI base, Milestone milestone) {
        try {
            JsonNode current = http.getJson(base.resolve("/api/" + milestone.challenge + "/milestones/" + milestone.id));
            milestone.status = current.path("status").asString();
        } catch (Exception ignored) {
            // the next change tries its luck with what was known
        }
    }
}

package nl.amsterdameconomicboard.roadmaps.scorecard.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many dashboards one scorecard instance keeps connected, and for how long: each open stream holds about 45 KB
 * of heap, so an instance with 256 MB keeps a few hundred. A dashboard reconnects by itself when its stream ends.
 * From the environment: {@code SCORECARD_STREAM_MAX_CONNECTIONS}, {@code SCORECARD_STREAM_MAX_PER_CLIENT},
 * {@code SCORECARD_STREAM_LIFETIME}.
 *
 * @param maxConnections streams open on this instance at most; one more is refused with 503
 * @param maxPerClient   streams open from one client address at most (browser tabs, an office behind one address);
 *                       one more is refused with 429
 * @param lifetime       how long a stream stays open before the server ends it (the dashboard then reconnects)
 */
@ConfigurationProperties("scorecard.stream")
public record StreamLimits(@DefaultValue("500") int maxConnections, @DefaultValue("20") int maxPerClient,
                           @DefaultValue("5m") Duration lifetime) {
}

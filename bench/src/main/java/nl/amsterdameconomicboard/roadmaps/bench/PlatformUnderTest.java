package nl.amsterdameconomicboard.roadmaps.bench;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What the scenarios need from the platform they measure: where its gateway and its services answer, tokens, the
 * scorecard's Kafka consumer progress, a replay, and its processes. The running local platform
 * ({@link LocalPlatformUnderTest}) in a real run; a stand-in in the smoke test.
 */
public interface PlatformUnderTest extends AutoCloseable {

    URI gateway();

    /** A backend service's own address, bypassing the gateway: a challenge code, or {@code scorecard}. */
    URI direct(String service);

    /** The challenges' codes, in overview order. */
    List<String> challenges();

    /** An access token of a demo user. */
    String token(String user) throws Exception;

    /** Records in the roadmap topics not yet committed by the scorecard's consumer group. */
    long scorecardLag() throws Exception;

    /** The sum of the roadmap topics' end offsets: how many events were ever published. */
    long publishedEvents() throws Exception;

    /** Events in the roadmap topics now (end minus start offsets). */
    long eventsInTopics() throws Exception;

    /** Publishes {@code count} valid events of the contract, as a challenge service would. */
    void generateEvents(long count) throws Exception;

    /** Starts a second scorecard, on an empty store and a new consumer group, reading the topics from the beginning. */
    Replay startReplay() throws Exception;

    /** A replaying scorecard: how far its consumer group has come. */
    interface Replay extends AutoCloseable {

        /** Offsets committed by the replay's consumer group, summed over the roadmap topics. */
        long committed() throws Exception;

        /** True while its process runs. */
        boolean alive();

        @Override
        void close() throws Exception;
    }

    /** Seconds from start to healthy per component and in all ({@code platform}), as the launcher recorded them; empty if unknown. */
    Map<String, Double> startupSeconds();

    /** Resident memory (KiB) per component, its child processes included. */
    Map<String, Long> residentKib();

    @Override
    default void close() throws Exception {
    }
}

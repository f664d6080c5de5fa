package nl.amsterdameconomicboard.roadmaps.deploy;

import java.nio.file.Path;
import java.util.Map;

/**
 * The ports of a test's own platform: each default moved by the test's offset, so that test platforms and a
 * developer's running one never meet. Every port stays below Linux's ephemeral range (32768 and up): a port there may
 * already be the local end of some outgoing connection, which made a broker's bind fail now and then.
 */
final class TestPorts {

    static final int EPHEMERAL_FROM = 32768;

    private TestPorts() {
    }

    /** Puts every component's port variable into env (further Kafka brokers follow KAFKA_PORT). */
    static void put(Map<String, String> env, Path root, int offset) {
        PlatformSettings.fromEnvironment(root, name -> null).ports()
                .forEach((component, port) -> env.put(PlatformSettings.portVariable(component), Integer.toString(moved(port, offset))));
    }

    /** The port moved up by offset, or down by it where up would reach the ephemeral range (the store's 27017). */
    static int moved(int port, int offset) {
        int up = port + offset + 2 * PlatformSettings.MAX_KAFKA_BROKERS; // room for a cluster's further brokers
        int moved = up < EPHEMERAL_FROM ? port + offset : port - offset;
        if (moved < 1024) {
            throw new IllegalArgumentException("No port for " + port + " moved by " + offset);
        }
        return moved;
    }
}

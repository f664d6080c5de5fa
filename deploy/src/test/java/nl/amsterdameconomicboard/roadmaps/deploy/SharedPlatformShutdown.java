package nl.amsterdameconomicboard.roadmaps.deploy;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the shared end-to-end platform when the test session ends, while the JVM is still fully alive: a shutdown
 * hook alone may be cut short when the test runner ends the JVM, leaving broker, store and Keycloak running.
 * Then writes what the tests tried and saw ({@link ReliabilityReport}).
 */
public class SharedPlatformShutdown implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedPlatform.close();
        ReliabilityReport.write();
    }
}

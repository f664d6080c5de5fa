package nl.amsterdameconomicboard.roadmaps.support.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.EnabledIfDockerAvailable;

/**
 * Runs a service test, whose context takes its engines from {@link TestEngines}, on the engines production runs
 * ({@link RealEngines}) instead of the embedded ones. Where no Docker engine runs, the test class is reported as
 * skipped, never started and never silently left out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EnabledIfDockerAvailable
@TestPropertySource(properties = TestEngines.SELECTION + "=" + TestEngines.CONTAINERS)
public @interface OnRealEngines {
}

package nl.amsterdameconomicboard.roadmaps.bench;

import java.util.concurrent.CompletableFuture;

/** One request of a load: started when the driver says, completing with its HTTP status. */
@FunctionalInterface
public interface Call {

    CompletableFuture<Integer> start();
}

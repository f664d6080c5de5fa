package nl.amsterdameconomicboard.roadmaps.challenge.roadmap;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ChallengeRepository extends MongoRepository<Challenge, String> {
}

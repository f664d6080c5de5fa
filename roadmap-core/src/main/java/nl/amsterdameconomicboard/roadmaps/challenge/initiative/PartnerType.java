package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

/** The Board's triple helix, and beyond. */
public enum PartnerType {
    BUSINESS, GOVERNMENT, KNOWLEDGE_INSTITUTION, CIVIL_SOCIETY
}

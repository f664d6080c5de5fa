package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/** The Board's triple helix, and beyond; each named in both languages for readers (the code is what the API takes). */
public enum PartnerType {
    BUSINESS("bedrijf", "business"),
    GOVERNMENT("overheid", "government"),
    KNOWLEDGE_INSTITUTION("kennisinstelling", "knowledge institution"),
    CIVIL_SOCIETY("maatschappelijke organisatie", "civil society");

    private final BilingualText label;

    PartnerType(String dutch, String english) {
        this.label = new BilingualText(dutch, english);
    }

    /** The kind in Dutch and English, as the dashboard shows it. */
    public BilingualText label() {
        return label;
    }
}

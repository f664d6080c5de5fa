package nl.amsterdameconomicboard.roadmaps.challenge.indicator;

import java.util.Map;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;

/**
 * What an indicator's unit is called in Dutch and in English. The unit itself stays the one word the roadmap's data
 * and events use (it is part of the event contract); readers get its name in both languages. A unit not listed here
 * (a new one typed by a team) is shown as it was typed in both.
 */
public final class Units {

    private static final Map<String, String> DUTCH = Map.ofEntries(
            Map.entry("clusters", "clusters"),
            Map.entry("euro (more than)", "euro (meer dan)"),
            Map.entry("events", "evenementen"),
            Map.entry("experiments", "experimenten"),
            Map.entry("hectares", "hectare"),
            Map.entry("homes", "woningen"),
            Map.entry("households", "huishoudens"),
            Map.entry("jobs", "banen"),
            Map.entry("material streams", "materiaalstromen"),
            Map.entry("megatonnes CO2 per year", "megaton CO2 per jaar"),
            Map.entry("members", "leden"),
            Map.entry("municipalities", "gemeenten"),
            Map.entry("parties", "partijen"),
            Map.entry("people", "mensen"),
            Map.entry("percent (more than)", "procent (meer dan)"),
            Map.entry("percent (two thirds)", "procent (twee derde)"),
            Map.entry("percent of total investments", "procent van de totale investeringen"),
            Map.entry("percent per year", "procent per jaar"),
            Map.entry("percent", "procent"),
            Map.entry("%", "%"),
            Map.entry("pilots", "pilots"),
            Map.entry("projects", "projecten"),
            Map.entry("propositions", "proposities"),
            Map.entry("sites", "locaties"),
            Map.entry("start-ups", "start-ups"),
            Map.entry("universities", "universiteiten"),
            Map.entry("years", "jaar"));

    private Units() {
    }

    public static BilingualText name(String unit) {
        return unit == null ? null : new BilingualText(DUTCH.getOrDefault(unit, unit), unit);
    }
}

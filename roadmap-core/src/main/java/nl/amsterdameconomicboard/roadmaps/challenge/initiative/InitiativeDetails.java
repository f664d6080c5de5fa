package nl.amsterdameconomicboard.roadmaps.challenge.initiative;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.amsterdameconomicboard.roadmaps.challenge.BilingualText;
import nl.amsterdameconomicboard.roadmaps.challenge.change.InvalidFieldException;

/** What the challenge team sets of an initiative: everything but its progress and history. */
record InitiativeDetails(String spearhead, BilingualText title, BilingualText description, LocalDate startDate, LocalDate endDate,
                         InitiativeStatus status, List<String> links, List<Partner> partners, List<String> tags) {

    InitiativeDetails {
        if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
            throw new InvalidFieldException("endDate", "initiative.end-before-start");
        }
        links = links == null ? List.of() : List.copyOf(links);
        partners = partners == null ? List.of() : List.copyOf(partners);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The fields that differ from {@code before}, for the history, in English words. */
    String differencesFrom(InitiativeDetails before) {
        List<String> changed = new ArrayList<>(changedFields(before));
        changed.replaceAll(f -> f.equals("status") ? "status " + before.status() + " → " + status : f);
        return changed.isEmpty() ? "no change" : String.join(", ", changed);
    }

    /** The fields that differ from {@code before}, by their API names ({@code period} for the dates), for the history's facts. */
    List<String> changedFields(InitiativeDetails before) {
        List<String> changed = new ArrayList<>();
        if (!before.spearhead().equals(spearhead)) changed.add("spearhead");
        if (!before.title().equals(title)) changed.add("title");
        if (!Objects.equals(before.description(), description)) changed.add("description");
        if (!Objects.equals(before.startDate(), startDate) || !Objects.equals(before.endDate(), endDate)) changed.add("period");
        if (before.status() != status) changed.add("status");
        if (!before.links().equals(links)) changed.add("links");
        if (!before.partners().equals(partners)) changed.add("partners");
        if (!before.tags().equals(tags)) changed.add("tags");
        return changed;
    }
}

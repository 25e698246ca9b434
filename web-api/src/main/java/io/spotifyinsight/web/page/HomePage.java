package io.spotifyinsight.web.page;

import java.time.LocalDate;
import java.util.List;

/** The front page: every active alias with its newest list. */
public record HomePage(List<AliasCard> aliases) {

    /**
     * @param latestDate null when the alias has no list yet
     * @param covers up to {@value PageController#MOSAIC_COVERS} cover URLs of the newest list
     */
    public record AliasCard(
            String username,
            LocalDate latestDate,
            int trackCount,
            String strategy,
            List<String> covers) {}
}

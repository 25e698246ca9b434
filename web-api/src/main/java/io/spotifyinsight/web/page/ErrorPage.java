package io.spotifyinsight.web.page;

/** A page that says what went wrong and where to go instead. */
public record ErrorPage(
        int status, String title, String detail, String backHref, String backLabel) {}

package io.spotifyinsight.web.page;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.spotifyinsight.web.error.Problem;

/**
 * Renders the jte templates of {@code src/main/jte}, compiled to Java at build time (so a template
 * that does not match its model fails the build, and the jar needs no compiler). Html content type:
 * every value is escaped for the context it lands in (text, attribute), so a title like {@code
 * <script>} shows as text.
 */
public final class Pages {
    /** Where the jte Maven plugin generates the template classes (web-api's pom). */
    static final String TEMPLATE_PACKAGE = "io.spotifyinsight.web.page.templates";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(
                    null, ContentType.Html, Pages.class.getClassLoader(), TEMPLATE_PACKAGE);

    String home(HomePage page) {
        return render("home.jte", page);
    }

    String day(DayPage page) {
        return render("day.jte", page);
    }

    String error(ErrorPage page) {
        return render("error.jte", page);
    }

    /**
     * The HTML face of a problem, for page requests that fail outside the page handlers (503, 500,
     * 405).
     */
    public String problem(Problem problem) {
        return error(
                new ErrorPage(
                        problem.status(), problem.title(), problem.detail(), "/", "All lists"));
    }

    private String render(String template, Object model) {
        StringOutput out = new StringOutput(8192);
        engine.render(template, model, out);
        return out.toString();
    }
}

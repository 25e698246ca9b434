package io.spotifyinsight.web.page;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The month of the shown day as a calendar of weeks (Monday first, ISO): days with a list link to
 * it, the shown day is marked, and the neighbouring months link to their newest list, if any.
 *
 * @param previousMonthDate the newest list before this month, or null
 * @param nextMonthDate the oldest list after this month, or null
 */
public record MonthView(
        String label,
        List<List<Cell>> weeks,
        LocalDate previousMonthDate,
        LocalDate nextMonthDate) {

    /** A calendar cell: day 0 is padding before the 1st or after the last day. */
    public record Cell(int day, LocalDate date, boolean hasList, boolean shown) {
        public boolean padding() {
            return day == 0;
        }
    }

    public static final List<String> WEEKDAYS = List.of("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su");

    static MonthView of(LocalDate shown, Set<LocalDate> listDates) {
        YearMonth month = YearMonth.from(shown);
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        int lead = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < lead; i++) {
            week.add(new Cell(0, null, false, false));
        }
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            LocalDate date = month.atDay(day);
            week.add(new Cell(day, date, listDates.contains(date), date.equals(shown)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Cell(0, null, false, false));
            }
            weeks.add(week);
        }
        LocalDate previous =
                listDates.stream()
                        .filter(d -> d.isBefore(month.atDay(1)))
                        .max(LocalDate::compareTo)
                        .orElse(null);
        LocalDate next =
                listDates.stream()
                        .filter(d -> d.isAfter(month.atEndOfMonth()))
                        .min(LocalDate::compareTo)
                        .orElse(null);
        String label =
                month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " "
                        + month.getYear();
        return new MonthView(label, weeks, previous, next);
    }
}

// The article form's "As readers will see it" line, kept current as the author types
// the event date. The server writes the same line when it shows the form
// (articles.date_labels.date_as_read) and reads years with the same pattern
// (articles.written_years.WRITTEN_YEAR); tests/browser/test_date_echo.py holds the two equal.
// An era or "c." typed in the year box also sets the era list and the tick box, as
// saving would.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const echo = document.querySelector("output.date-as-read");
  if (!echo) {
    return;
  }
  const field = (name) => document.getElementById(`id_${name}`);
  const [yearBox, eraList, monthList, dayBox, circaBox] = [
    "year",
    "era",
    "month",
    "day",
    "event_approximate",
  ].map(field);
  if (!yearBox || !eraList || !monthList || !dayBox || !circaBox) {
    return;
  }
  const months = echo.dataset.months.split(",");
  const [todayYear, todayMonth, todayDay] = echo.dataset.today.split("-").map(Number);

  const WRITTEN_YEAR =
    /^(?:(circa|ca|c)(?:\.\s*|\s+|(?=[0-9])))?(?:([a-z][a-z.\s]*?)\s*)?([0-9]+)(?:\s*([a-z'][a-z.'\s]*))?$/i;
  const ERA_WORDS = { BC: "BC", BCE: "BC", AD: "AD", CE: "AD" };

  // A year as typed: {year, era (or null), approximate}, or null when saving would
  // refuse it.
  function readYear(text) {
    const match = WRITTEN_YEAR.exec(text.trim().split(/\s+/).join(" "));
    if (!match) {
      return null;
    }
    const [, circa, before, digits, after] = match;
    const eras = [before, after]
      .filter((word) => word !== undefined)
      .map((word) => ERA_WORDS[word.replace(/[.\s]/g, "").toUpperCase()]);
    if (eras.includes(undefined) || eras.length === 2 || digits.length > 5) {
      return null;
    }
    return { year: Number(digits), era: eras[0] || null, approximate: circa !== undefined };
  }

  const isLeapYear = (year) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const daysInMonth = (year, month) =>
    month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];

  // The event as saving would store it (astronomical year), or null.
  function currentEvent() {
    const written = readYear(yearBox.value);
    if (!written || written.year < 1) {
      return null;
    }
    const era = written.era || eraList.value;
    const year = era === "BC" ? 1 - written.year : written.year;
    const month = monthList.value === "" ? null : Number(monthList.value);
    const dayText = dayBox.value.trim();
    if (dayText !== "" && !/^[0-9]+$/.test(dayText)) {
      return null;
    }
    const day = dayText === "" ? null : Number(dayText);
    if (year < -9999 || year > 9999 || (day !== null && month === null)) {
      return null;
    }
    if (month !== null && (month < 1 || month > 12)) {
      return null;
    }
    if (day !== null && (day < 1 || day > daysInMonth(year, month))) {
      return null;
    }
    return { year, month, day, approximate: written.approximate || circaBox.checked };
  }

  function yearLabel(year) {
    if (year < 1) {
      return `${1 - year} BC`;
    }
    return year < 1000 ? `AD ${year}` : String(year);
  }

  function dateLabel(event) {
    let text = yearLabel(event.year);
    if (event.day !== null) {
      text = `${months[event.month - 1]} ${event.day}, ${text}`;
    } else if (event.month !== null) {
      text = `${months[event.month - 1]} ${text}`;
    }
    return event.approximate ? `c. ${text}` : text;
  }

  function yearsAgo(event) {
    let years = todayYear - event.year;
    if (event.day !== null) {
      const leapDay = event.month === 2 && event.day === 29 && !isLeapYear(todayYear);
      const [month, day] = leapDay ? [2, 28] : [event.month, event.day];
      if (todayMonth < month || (todayMonth === month && todayDay < day)) {
        years -= 1;
      }
    } else if (event.month !== null && todayMonth < event.month) {
      years -= 1;
    }
    return years;
  }

  function dateAsRead(event) {
    const parts = [dateLabel(event)];
    const years = yearsAgo(event);
    const plural = years === 1 ? "year" : "years";
    if (years > 0) {
      parts.push(event.approximate ? `About ${years} ${plural} ago` : `${years} ${plural} ago`);
    } else if (years === 0) {
      parts.push("This year");
    }
    if (event.day !== null && !event.approximate) {
      let remembered = `remembered every ${months[event.month - 1]} ${event.day}`;
      if (event.month === 2 && event.day === 29) {
        remembered += " (February 28 in other years)";
      }
      parts.push(remembered);
    } else if (event.approximate) {
      parts.push("no anniversary: the date is approximate");
    } else {
      parts.push("no anniversary: the date has no day");
    }
    return parts.join(" · ");
  }

  // An era or "c." in the year box is what saving keeps: the list and box follow.
  function followYearBox() {
    const written = readYear(yearBox.value);
    if (written && written.era) {
      eraList.value = written.era;
    }
    if (written && written.approximate) {
      circaBox.checked = true;
    }
  }

  function update() {
    followYearBox();
    const event = currentEvent();
    echo.textContent = event ? dateAsRead(event) : "";
  }

  followYearBox();
  for (const input of [yearBox, eraList, monthList, dayBox, circaBox]) {
    input.addEventListener("input", update);
    input.addEventListener("change", update);
  }
});

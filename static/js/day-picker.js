// The day picker offers the days of the month chosen: 29 for February (the day page
// of February 29 exists), 30 or 31 for the others. The page renders the days of the
// month it preselects; this follows a change of month, keeping the day where it can
// (31 becomes 30 in April). No inline script or handler, for the CSP.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll(".day-picker")) {
    const month = form.querySelector("select[name=month]");
    const day = form.querySelector("select[name=day]");
    const daysInMonths = month.dataset.daysInMonths.split(" ").map(Number);
    month.addEventListener("change", () => {
      const last = daysInMonths[month.selectedIndex];
      const picked = Math.min(Number(day.value) || 1, last);
      day.replaceChildren(
        ...Array.from({ length: last }, (_, index) => {
          const number = String(index + 1);
          return new Option(number, number, false, index + 1 === picked);
        }),
      );
    });
  }
});

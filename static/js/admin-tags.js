// Tag suggestions for the comma-separated tags field in the admin.
// Browsers match a <datalist> against the whole input, so each suggestion is
// rewritten to "tags already typed, suggestion" as the author types.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[list$='-suggestions']")) {
    const list = document.getElementById(input.getAttribute("list"));
    const names = Array.from(list.options, (option) => option.value);
    input.addEventListener("input", () => {
      const typed = input.value.split(",");
      typed.pop();
      const prefix = typed.map((part) => part.trim()).filter(Boolean);
      const chosen = new Set(prefix.map((name) => name.toLowerCase()));
      list.replaceChildren(
        ...names
          .filter((name) => !chosen.has(name.toLowerCase()))
          .map((name) => new Option("", [...prefix, name].join(", "))),
      );
    });
  }
});

// Share buttons, progressively enhanced: the share links work without JavaScript;
// where the browser can, this adds "Copy link" (Clipboard API) and "Share…" (Web Share
// API, the phone's own share sheet). No inline script or handler, for the CSP.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll(".share[data-share-url]")) {
    const { shareUrl: url, shareTitle: title } = box.dataset;
    const status = box.querySelector(".share-status");
    const say = (message) => {
      status.textContent = message;
    };

    if (navigator.clipboard && window.isSecureContext) {
      box.querySelector("[data-share-copy-item]").hidden = false;
      box.querySelector("[data-share-copy]").addEventListener("click", () => {
        navigator.clipboard.writeText(url).then(
          () => say(box.dataset.shareCopied),
          () => say(box.dataset.shareFailed),
        );
      });
    }

    if (navigator.share) {
      box.querySelector("[data-share-native-item]").hidden = false;
      box.querySelector("[data-share-native]").addEventListener("click", () => {
        // A cancelled share rejects the promise; there is nothing to tell the reader.
        navigator.share({ title, url }).catch(() => {});
      });
    }
  }
});

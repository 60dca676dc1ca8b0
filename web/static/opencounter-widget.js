/* The widget's small behaviours with JavaScript on (everything works without them):
   - a finished reply is read out once in the live region, not word by word while it streams;
   - the AI disclosure folds to its "About this assistant (AI)" button once a question is sent;
   - a reply taller than the conversation region is shown from its start. */
(function () {
  "use strict";

  function start() {
    var log = document.getElementById("log");
    var announcer = document.getElementById("oc-announce");
    var disclosure = document.getElementById("disclosure");
    if (!log || !announcer) {
      return;
    }

    function announce(turn) {
      var who = turn.querySelector(".oc-who");
      var words = turn.querySelector("p");
      var said = [who ? who.textContent : "", words ? words.textContent : ""]
        .map(function (part) { return part.replace(/\s+/g, " ").trim(); })
        .filter(Boolean)
        .join(": ");
      // Emptied first, so that the same words twice are announced twice.
      announcer.textContent = "";
      window.setTimeout(function () { announcer.textContent = said; }, 100);
    }

    function showFromItsStart(turn) {
      var region = document.getElementById("oc-scroll");
      if (region && turn.getBoundingClientRect().height > region.clientHeight) {
        turn.scrollIntoView({ block: "start" });
      }
    }

    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (!(node instanceof HTMLElement) || !node.classList.contains("oc-turn")) {
            return;
          }
          if (node.classList.contains("oc-citizen")) {
            if (disclosure) {
              disclosure.open = false;
            }
          } else if (!node.classList.contains("oc-pending")) {
            announce(node);
            showFromItsStart(node);
          }
        });
      });
    }).observe(log, { childList: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// Ariptes behaviour without inline handlers (the Content-Security-Policy forbids them).
(function () {
  "use strict";

  // <select data-autosubmit>: submit its form when the choice changes (the language switcher).
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-autosubmit]")) {
      event.target.form.submit();
    }
  });

  // <button data-print>: print the page.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-print]");
    if (button) {
      window.print();
    }
  });

  // <form data-question="...">: ask before submitting.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset && form.dataset.question && !window.confirm(form.dataset.question)) {
      event.preventDefault();
    }
  });

  // Ctrl+Enter (Cmd+Enter) saves the consultation from any of its fields.
  document.addEventListener("keydown", function (event) {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      var form = event.target.closest && event.target.closest("form.consultation-form");
      if (form) {
        event.preventDefault();
        form.requestSubmit();
      }
    }
  });

  // <div data-shown-when="field=value">: shown only while that field has that value
  // (the closing facts of a status change). Without JavaScript it simply stays visible.
  function toggleAll() {
    document.querySelectorAll("[data-shown-when]").forEach(function (element) {
      var rule = element.dataset.shownWhen.split("=");
      var field = document.querySelector("[name='" + rule[0] + "']");
      if (field) {
        element.hidden = field.value !== rule[1];
      }
    });
  }
  document.addEventListener("change", toggleAll);
  document.addEventListener("DOMContentLoaded", toggleAll);
})();

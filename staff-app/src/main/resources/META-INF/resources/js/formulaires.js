// Double-submit safety for the app's forms: once a form is sent, its button is disabled and a second submit
// (double click, Enter pressed twice) is ignored. The services are idempotent where it matters; this spares
// the person a second wait. Works for forms added later in the page (polled fragments): listens on the document.
(function () {
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) {
      return;
    }
    if (form.getAttribute('data-envoye') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-envoye', 'true');
    form.querySelectorAll('button[type=submit]').forEach(function (button) {
      button.setAttribute('aria-disabled', 'true');
      button.classList.add('envoi-en-cours');
    });
  });
  // Back to a page kept in the browser's cache: its forms may be sent again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-envoye]').forEach(function (form) {
      form.removeAttribute('data-envoye');
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.removeAttribute('aria-disabled');
        button.classList.remove('envoi-en-cours');
      });
    });
  });
})();

// Décider: the button is disabled once the form is sent, so a second click does not send it again (the server
// is double-submit safe on its own: the form carries a one-time key).
(function () {
  var form = document.getElementById('decider');
  var button = document.getElementById('envoyer-decisions');
  if (!form || !button) {
    return;
  }
  form.addEventListener('submit', function () {
    window.setTimeout(function () {
      button.disabled = true;
      button.textContent = 'Enregistrement en cours…';
    }, 0);
  });
})();

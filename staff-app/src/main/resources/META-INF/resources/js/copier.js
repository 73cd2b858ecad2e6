// « Copier »: copies the value of the field named by data-cible; without the clipboard API the field is selected
// so that Ctrl+C copies it. The button only appears when this script runs.
(function () {
  var button = document.getElementById('copier');
  if (!button) {
    return;
  }
  var field = document.getElementById(button.getAttribute('data-cible'));
  var said = document.getElementById('copie-faite');
  // What is copied, for the sentences (« Jeton », « Secret »).
  var what = button.getAttribute('data-quoi') || 'Jeton';
  button.hidden = false;
  button.addEventListener('click', function () {
    field.focus();
    field.select();
    function done(text) {
      said.textContent = text;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(function () {
        done(what + ' copié.');
      }, function () {
        done(what + ' sélectionné : copiez-le avec Ctrl+C.');
      });
    } else {
      var copied = false;
      try {
        copied = document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      done(copied ? what + ' copié.' : what + ' sélectionné : copiez-le avec Ctrl+C.');
    }
  });
})();

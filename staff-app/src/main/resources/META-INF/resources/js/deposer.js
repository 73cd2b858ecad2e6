// Déposer: sends the form with a real progress bar, once. Without JavaScript the form posts as usual
// (the server is double-submit safe on its own: each form carries a one-time key).
(function () {
  var form = document.getElementById('depot');
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var sending = false;
  var button = document.getElementById('envoyer');
  var message = document.getElementById('message');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (sending) {
      return;
    }
    sending = true;
    button.disabled = true;
    button.textContent = 'Envoi en cours…';
    message.textContent = '';
    var progress = document.getElementById('progression');
    var bar = document.getElementById('barre');
    var percent = document.getElementById('pourcentage');
    progress.hidden = false;
    var request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        var value = Math.round(e.loaded * 100 / e.total);
        bar.value = value;
        percent.textContent = value + ' %';
      }
    });
    request.upload.addEventListener('load', function () {
      message.textContent = 'Fichier envoyé : Passerelle l\u2019enregistre…';
    });
    request.addEventListener('load', function () {
      // After the redirect: the upload's page. Otherwise the form again, with its errors in French.
      if (request.responseURL && request.responseURL.indexOf('/depots/') >= 0) {
        window.location.assign(request.responseURL);
        return;
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener('error', function () {
      sending = false;
      button.disabled = false;
      button.textContent = 'Déposer le fichier';
      progress.hidden = true;
      message.textContent = 'L\u2019envoi a été interrompu : vérifiez votre connexion, puis déposez le fichier à nouveau.';
    });
    request.send(new FormData(form));
  });
})();

// Portails: while a push is under way, asks for the portals' states every 2 seconds and shows them in place.
(function () {
  var box = document.getElementById('etat-portails');
  if (!box || !window.fetch) {
    return;
  }
  function running() {
    var state = box.querySelector('[data-en-cours]');
    return state && state.getAttribute('data-en-cours') === 'true';
  }
  function poll() {
    if (!running()) {
      return;
    }
    fetch(box.getAttribute('data-url'), {credentials: 'same-origin', redirect: 'error'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        box.innerHTML = html;
        setTimeout(poll, 2000);
      })
      .catch(function () {
        box.insertAdjacentHTML('beforeend',
          '<p class="fr-error-text">Le suivi s\u2019est interrompu : actualisez la page pour le reprendre.</p>');
      });
  }
  setTimeout(poll, 1500);
})();

// Un dépôt: asks for the stages every 2 seconds until the verdict, and shows them in place.
(function () {
  var box = document.getElementById('etapes');
  if (!box || !window.fetch) {
    return;
  }
  function done() {
    var state = box.querySelector('[data-termine]');
    return state && state.getAttribute('data-termine') === 'true';
  }
  function poll() {
    if (done()) {
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

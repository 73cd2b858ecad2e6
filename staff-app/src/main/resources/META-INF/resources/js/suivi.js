// Suivi en direct (un dépôt, les envois aux portails): a box marked data-suivi asks its data-url every 2 seconds
// for a fresh fragment and shows it in place, until the fragment says it is settled (data-termine="true").
(function () {
  var box = document.querySelector('[data-suivi]');
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

// Double-submit safety on the approval form: once a decision is sent, both buttons wait (the server also
// answers a second submission of the same form with the first one's outcome).
(function () {
  const form = document.getElementById('decision');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    if (form.dataset.sent) {
      event.preventDefault();
      return;
    }
    form.dataset.sent = 'true';
    // Disabled after the submission has taken the clicked button's value.
    setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });
})();

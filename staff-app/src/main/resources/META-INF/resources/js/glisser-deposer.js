// Déposer: a file dragged from the desktop and dropped on the file field's frame becomes the field's file,
// as if chosen with « Parcourir ». Without JavaScript (or without drag and drop) the plain field is all there is,
// and the sentence that offers dragging stays hidden.
(function () {
  var zone = document.getElementById('zone-depot');
  var input = document.getElementById('fichier');
  var chosen = document.getElementById('fichier-choisi');
  if (!zone || !input || !('draggable' in zone) || !window.DataTransfer || !window.FileReader) {
    return;
  }
  zone.classList.add('zone-glisser');
  var offer = zone.querySelector('.avec-glisser');
  if (offer) {
    offer.hidden = false;
  }
  // dragenter/dragleave fire for each child crossed: count them to know when the file really left the frame.
  var depth = 0;
  function over(on) {
    zone.classList.toggle('zone-glisser--survol', on);
  }
  function carriesFiles(event) {
    var types = event.dataTransfer && event.dataTransfer.types;
    return types && Array.prototype.indexOf.call(types, 'Files') >= 0;
  }
  zone.addEventListener('dragenter', function (event) {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    depth++;
    over(true);
  });
  zone.addEventListener('dragover', function (event) {
    if (carriesFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  });
  zone.addEventListener('dragleave', function () {
    depth = Math.max(0, depth - 1);
    if (depth === 0) {
      over(false);
    }
  });
  zone.addEventListener('drop', function (event) {
    if (!carriesFiles(event)) {
      return;
    }
    event.preventDefault();
    depth = 0;
    over(false);
    var files = event.dataTransfer.files;
    if (!files || files.length === 0) {
      return;
    }
    if (files.length > 1) {
      chosen.textContent = 'Déposez un seul fichier à la fois : « ' + files[0].name + ' » est retenu.';
    }
    // One file, as the field takes: the form then sends it like a chosen one (deposer.js or the plain post).
    var transfer = new DataTransfer();
    transfer.items.add(files[0]);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', {bubbles: true}));
    if (files.length === 1) {
      chosen.textContent = 'Fichier retenu : « ' + files[0].name + ' ».';
    }
    input.focus();
  });
  // Chosen with « Parcourir »: said the same way, so that the frame always tells which file will be sent.
  input.addEventListener('change', function (event) {
    if (event.isTrusted && input.files && input.files.length === 1) {
      chosen.textContent = 'Fichier retenu : « ' + input.files[0].name + ' ».';
    }
  });
})();

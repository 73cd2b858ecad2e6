// Métadonnées, progressively: the score follows what is typed (the catalogue scores the draft, nothing is
// saved), and communes are proposed as their name is typed. Without this script the form works the same
// with its « Chercher » and « Enregistrer » buttons.
(function () {
  const form = document.getElementById('metadonnees');
  if (!form || form.querySelector('fieldset[disabled]')) {
    return;
  }
  const scoreBox = document.getElementById('score-contenu');
  const search = document.getElementById('recherche-commune');
  const found = document.getElementById('communes-trouvees');
  const chosen = document.getElementById('communes-choisies');
  let scoreTimer;
  let searchTimer;

  function fields() {
    const data = new URLSearchParams(new FormData(form));
    data.delete('action');
    data.delete('recherche-commune');
    return data;
  }

  async function rescore() {
    try {
      const answer = await fetch(form.dataset.score, {method: 'POST', body: fields(), credentials: 'same-origin'});
      if (answer.ok) {
        scoreBox.innerHTML = await answer.text();
      }
    } catch (e) {
      // The score simply stays as it was; saving still works.
    }
  }

  function later() {
    clearTimeout(scoreTimer);
    scoreTimer = setTimeout(rescore, 400);
  }

  form.addEventListener('input', function (event) {
    if (event.target !== search) {
      later();
    }
  });
  form.addEventListener('change', function (event) {
    if (event.target !== search) {
      later();
    }
  });

  function choose(commune) {
    if (document.getElementById('spatial-' + commune.code)) {
      return;
    }
    const group = document.createElement('div');
    group.className = 'fr-checkbox-group';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = 'spatial-' + commune.code;
    box.name = 'spatial';
    box.value = commune.code;
    box.checked = true;
    const label = document.createElement('label');
    label.className = 'fr-label';
    label.htmlFor = box.id;
    label.textContent = commune.label + ' — code INSEE ' + commune.code;
    group.append(box, label);
    chosen.append(group);
    const none = document.getElementById('aucune-commune');
    if (none) {
      none.remove();
    }
    later();
  }

  async function propose() {
    const query = search.value.trim();
    if (query.length < 2) {
      found.replaceChildren();
      return;
    }
    try {
      const answer = await fetch('/communes?q=' + encodeURIComponent(query), {credentials: 'same-origin'});
      if (!answer.ok) {
        return;
      }
      const communes = await answer.json();
      const list = document.createElement('ul');
      list.className = 'fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm';
      list.id = 'propositions';
      for (const commune of communes) {
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'fr-btn fr-btn--secondary fr-btn--sm';
        button.textContent = 'Ajouter ' + commune.label;
        button.dataset.code = commune.code;
        button.addEventListener('click', function () {
          choose(commune);
          button.disabled = true;
        });
        item.append(button);
        list.append(item);
      }
      const said = document.createElement('p');
      said.className = 'fr-text--sm fr-mb-1w';
      said.textContent = communes.length ? communes.length + ' commune(s) trouvée(s) :' : 'Aucune commune ne correspond à « ' + query + ' ».';
      found.replaceChildren(said, list);
    } catch (e) {
      // Nothing proposed: « Chercher » still searches through the server.
    }
  }

  if (search) {
    search.addEventListener('input', function () {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(propose, 250);
    });
    search.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        event.preventDefault();
        propose();
      }
    });
  }
})();

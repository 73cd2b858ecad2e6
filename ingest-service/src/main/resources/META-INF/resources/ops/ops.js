// Page d'exploitation : relève toutes les 2 s les lettres mortes et les métriques du service ingest.
'use strict';

const INTERVALLE_MS = 2000;
let precedent = null; // { instant, consommes: Map, produits: Map }
let releveEnCours = false; // un relevé lent ne se superpose pas au suivant

function echapper(texte) {
  return String(texte ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// Lit le format texte de Prometheus ou d'OpenMetrics : [{ nom, etiquettes: {…}, valeur }].
function lireMetriques(texte) {
  const echantillons = [];
  for (const brute of texte.split('\n')) {
    if (!brute || brute.startsWith('#')) continue;
    // OpenMetrics ajoute après « # » un exemplaire (trace_id, span_id) : ce n'est pas une étiquette de la série.
    const ligne = brute.split(' # ')[0];
    const m = ligne.match(/^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/);
    if (!m) continue;
    const etiquettes = {};
    for (const e of (m[2] || '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      etiquettes[e[1]] = e[2];
    }
    echantillons.push({ nom: m[1], etiquettes, valeur: Number(m[3]) });
  }
  return echantillons;
}

function debitParMinute(cle, total, anciens, secondes) {
  if (!anciens || secondes <= 0) return 0;
  const avant = anciens.get(cle) ?? 0;
  return Math.max(0, (total - avant) * 60 / secondes);
}

function afficherDebit(echantillons, instant) {
  const consommes = new Map();
  const produits = new Map();
  let attente = null;
  for (const e of echantillons) {
    if (e.nom === 'passerelle_messages_consumed_total') {
      const cle = e.etiquettes.topic + '|' + e.etiquettes.outcome;
      consommes.set(cle, (consommes.get(cle) ?? 0) + e.valeur);
    } else if (e.nom === 'passerelle_outbox_sent_events_total') {
      produits.set(e.etiquettes.topic, e.valeur);
    } else if (e.nom === 'passerelle_outbox_backlog_events') {
      attente = e.valeur;
    }
  }
  const secondes = precedent ? (instant - precedent.instant) / 1000 : 0;

  const corpsDebit = document.querySelector('#debit tbody');
  if (consommes.size > 0) {
    corpsDebit.innerHTML = [...consommes.entries()].sort().map(([cle, total]) => {
      const [topic, resultat] = cle.split('|');
      const debit = debitParMinute(cle, total, precedent?.consommes, secondes);
      return `<tr data-topic="${echapper(topic)}" data-resultat="${echapper(resultat)}">`
        + `<td>${echapper(topic)}</td><td>${resultat === 'success' ? 'traité' : 'échec (lettre morte)'}</td>`
        + `<td class="nombre total">${total}</td><td class="nombre debit">${debit.toFixed(1)}</td></tr>`;
    }).join('');
  }
  const corpsProduits = document.querySelector('#produits tbody');
  if (produits.size > 0) {
    corpsProduits.innerHTML = [...produits.entries()].sort().map(([topic, total]) => {
      const debit = debitParMinute(topic, total, precedent?.produits, secondes);
      return `<tr data-topic="${echapper(topic)}"><td>${echapper(topic)}</td>`
        + `<td class="nombre total">${total}</td><td class="nombre debit">${debit.toFixed(1)}</td></tr>`;
    }).join('');
  }
  document.getElementById('outbox-attente').textContent = attente === null ? '–' : String(attente);
  precedent = { instant, consommes, produits };
}

function afficherLettres(lettres) {
  const corps = document.querySelector('#lettres-mortes tbody');
  if (lettres.length === 0) {
    corps.innerHTML = '<tr class="vide"><td colspan="5">Aucune lettre morte.</td></tr>';
    return;
  }
  corps.innerHTML = lettres.map(l => `<tr data-id="${echapper(l.id)}">`
    + `<td>${echapper(l.originalTopic)}</td><td>${echapper(l.key)}</td><td>${echapper(l.reason)}</td>`
    + `<td><code>${echapper(l.id)}</code></td>`
    + `<td><button type="button" class="rejouer" data-id="${echapper(l.id)}">Rejouer</button></td></tr>`).join('');
}

// The ops token stays in this tab only (sessionStorage): the dead letters need the ops role.
const CLE_JETON = 'passerelle-jeton-exploitation';

function entetes() {
  const jeton = sessionStorage.getItem(CLE_JETON);
  return jeton ? { Authorization: 'Bearer ' + jeton } : {};
}

async function lettresMortes() {
  const r = await fetch('/api/v1/ops/dead-letters', { headers: entetes() });
  if (r.status === 401 || r.status === 403) {
    throw new Error('lettres mortes : jeton d’exploitation ' + (r.status === 401 ? 'absent ou expiré' : 'sans le rôle ops')
      + ' ; saisissez-en un ci-dessus');
  }
  if (!r.ok) throw new Error('lettres mortes : HTTP ' + r.status);
  return r.json();
}

document.getElementById('connexion').addEventListener('submit', evenement => {
  evenement.preventDefault();
  const champ = document.getElementById('jeton');
  const jeton = champ.value.trim();
  if (jeton) sessionStorage.setItem(CLE_JETON, jeton); else sessionStorage.removeItem(CLE_JETON);
  champ.value = '';
  relever();
});

async function rejouer(id) {
  const message = document.getElementById('message-rejeu');
  try {
    const reponse = await fetch('/api/v1/ops/dead-letters/' + encodeURIComponent(id) + '/replay',
      { method: 'POST', headers: entetes() });
    if (reponse.ok) {
      message.textContent = `Lettre morte ${id} rejouée.`;
    } else {
      const erreur = await reponse.json().catch(() => ({}));
      message.textContent = `Rejeu refusé (${reponse.status}) : ${erreur.message ?? reponse.statusText}`;
    }
  } catch (e) {
    message.textContent = 'Rejeu impossible : ' + e.message;
  }
  relever();
}

async function relever() {
  if (releveEnCours) return;
  releveEnCours = true;
  const etat = document.getElementById('etat');
  try {
    const [metriques, lettres] = await Promise.all([
      fetch('/q/metrics').then(r => { if (!r.ok) throw new Error('métriques : HTTP ' + r.status); return r.text(); }),
      lettresMortes(),
    ]);
    afficherDebit(lireMetriques(metriques), Date.now());
    afficherLettres(lettres);
    etat.textContent = lettres.length === 0 ? 'Le pipeline s’écoule.' : `${lettres.length} lettre(s) morte(s) à traiter.`;
    etat.className = 'etat ' + (lettres.length === 0 ? 'ok' : 'erreur');
  } catch (e) {
    etat.textContent = 'Relevé impossible : ' + e.message;
    etat.className = 'etat erreur';
  } finally {
    releveEnCours = false;
  }
  document.getElementById('mise-a-jour').textContent = new Date().toLocaleTimeString('fr-FR');
}

document.querySelector('#lettres-mortes').addEventListener('click', evenement => {
  const bouton = evenement.target.closest('button.rejouer');
  if (bouton) {
    bouton.disabled = true;
    rejouer(bouton.dataset.id);
  }
});
relever();
setInterval(relever, INTERVALLE_MS);

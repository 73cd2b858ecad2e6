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

function dateFr(iso) {
  return iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'medium' }) : '–';
}

// Une ligne qui occupe tout le tableau : vide, ou refus de lecture dit en clair.
function ligneSeule(colonnes, texte, classe) {
  return `<tr class="${classe}"><td colspan="${colonnes}">${echapper(texte)}</td></tr>`;
}

function afficherLettres(lettres) {
  const corps = document.querySelector('#lettres-mortes tbody');
  const causes = document.querySelector('#causes tbody');
  if (lettres.length === 0) {
    corps.innerHTML = ligneSeule(5, 'Aucune lettre morte.', 'vide');
    causes.innerHTML = ligneSeule(3, 'Aucune lettre morte.', 'vide');
    return;
  }
  corps.innerHTML = lettres.map(l => `<tr data-id="${echapper(l.id)}" data-cause="${echapper(l.causeCode)}">`
    + `<td class="date">${echapper(dateFr(l.deadAt))}</td>`
    + `<td><span class="topic">${echapper(l.originalTopic)}</span><br><span class="cle">${echapper(l.key)}</span><br>`
    + `abandonné par <span class="service">${echapper(l.consumerGroup ?? 'service inconnu')}</span></td>`
    + `<td><span class="organisation">${echapper(l.organization ?? '–')}</span><br>`
    + `<span class="depot">${echapper(l.uploadId ?? 'aucun dépôt')}</span></td>`
    + `<td class="motif">${echapper(l.explanation)}`
    + `<details><summary>Détail technique</summary><p class="technique">`
    + `${echapper([l.exception, l.reason, l.cause].filter(Boolean).join(' — '))}</p></details></td>`
    + `<td><code class="identifiant">${echapper(l.id)}</code><br>`
    + `<button type="button" class="rejouer" data-id="${echapper(l.id)}">Rejouer</button></td></tr>`).join('');
  const parCause = new Map();
  for (const l of lettres) {
    const c = parCause.get(l.causeCode) ?? { explication: l.explanation, nombre: 0 };
    c.nombre++;
    parCause.set(l.causeCode, c);
  }
  causes.innerHTML = [...parCause.entries()].map(([code, c]) => `<tr data-cause="${echapper(code)}">`
    + `<td>${echapper(c.explication)}</td><td class="nombre">${c.nombre}</td>`
    + `<td><button type="button" class="rejouer-cause" data-cause="${echapper(code)}">Tout rejouer (cette cause)</button></td></tr>`).join('');
}

function refuserLecture(refus) {
  document.querySelector('#lettres-mortes tbody').innerHTML = ligneSeule(5, refus, 'refus');
  document.querySelector('#causes tbody').innerHTML = ligneSeule(3, refus, 'refus');
  document.querySelector('#services tbody').innerHTML = ligneSeule(3, refus, 'refus');
  document.querySelector('#retard tbody').innerHTML = ligneSeule(4, refus, 'refus');
}

function afficherPipeline(vue) {
  const etats = { UP: 'disponible', DOWN: 'indisponible', UNREACHABLE: 'injoignable' };
  document.querySelector('#services tbody').innerHTML = vue.services.length === 0
    ? ligneSeule(3, 'Aucun service configuré (passerelle.ops.services.*).', 'vide')
    : vue.services.map(s => `<tr data-service="${echapper(s.service)}" data-etat="${echapper(s.status)}">`
      + `<td>${echapper(s.service)}<br><span class="technique">${echapper(s.url)}</span></td>`
      + `<td><span class="badge ${echapper(s.status.toLowerCase())}">${echapper(etats[s.status] ?? s.status)}</span></td>`
      + `<td>${echapper(s.detail)}</td></tr>`).join('');
  document.querySelector('#retard tbody').innerHTML = vue.lagError
    ? ligneSeule(4, vue.lagError, 'refus')
    : vue.consumerLag.length === 0 ? ligneSeule(4, 'Aucun groupe de consommateurs n’a encore lu de message.', 'vide')
    : vue.consumerLag.map(r => `<tr data-groupe="${echapper(r.group)}" data-topic="${echapper(r.topic)}">`
      + `<td>${echapper(r.group)}</td><td>${echapper(r.topic)}</td><td class="nombre">${r.partitions}</td>`
      + `<td class="nombre retard${r.lag > 100 ? ' retard-fort' : ''}">${r.lag}</td></tr>`).join('');
}

// The ops token stays in this tab only (sessionStorage): the dead letters need the ops role.
const CLE_JETON = 'passerelle-jeton-exploitation';

function entetes() {
  const jeton = sessionStorage.getItem(CLE_JETON);
  return jeton ? { Authorization: 'Bearer ' + jeton } : {};
}

// Lecture d'une API d'exploitation : { refus } en clair pour 401/403, jamais une liste vide trompeuse.
async function lireOps(chemin, quoi) {
  const r = await fetch(chemin, { headers: entetes() });
  if (r.status === 401) {
    return { refus: `Lecture refusée (401) : la page n’a pas le droit de lire ${quoi} — jeton d’exploitation absent`
      + ' ou expiré. Saisissez-en un ci-dessus (./passerelle token --ops votre.nom).' };
  }
  if (r.status === 403) {
    return { refus: `Lecture refusée (403) : ce jeton n’a pas le rôle ops, la page ne peut pas lire ${quoi}.`
      + ' Saisissez un jeton d’exploitation ci-dessus.' };
  }
  if (!r.ok) throw new Error(quoi + ' : HTTP ' + r.status);
  return { donnees: await r.json() };
}

document.getElementById('connexion').addEventListener('submit', evenement => {
  evenement.preventDefault();
  const champ = document.getElementById('jeton');
  const jeton = champ.value.trim();
  if (jeton) sessionStorage.setItem(CLE_JETON, jeton); else sessionStorage.removeItem(CLE_JETON);
  champ.value = '';
  relever();
});

async function envoyer(chemin, reussite) {
  const message = document.getElementById('message-rejeu');
  try {
    const reponse = await fetch(chemin, { method: 'POST', headers: entetes() });
    if (reponse.ok) {
      message.textContent = reussite(await reponse.json());
    } else {
      const erreur = await reponse.json().catch(() => ({}));
      message.textContent = `Rejeu refusé (${reponse.status}) : ${erreur.message ?? reponse.statusText}`;
    }
  } catch (e) {
    message.textContent = 'Rejeu impossible : ' + e.message;
  }
  relever();
}

function rejouer(id) {
  return envoyer('/api/v1/ops/dead-letters/' + encodeURIComponent(id) + '/replay', () => `Lettre morte ${id} rejouée.`);
}

function rejouerCause(code) {
  return envoyer('/api/v1/ops/dead-letters/replay?cause=' + encodeURIComponent(code),
    ids => `${ids.length} lettre(s) morte(s) de la cause « ${code} » rejouée(s) : ${ids.join(', ')}.`);
}

async function relever() {
  if (releveEnCours) return;
  releveEnCours = true;
  const etat = document.getElementById('etat');
  try {
    const [metriques, lettres, pipeline] = await Promise.all([
      fetch('/q/metrics').then(r => { if (!r.ok) throw new Error('métriques : HTTP ' + r.status); return r.text(); }),
      lireOps('/api/v1/ops/dead-letters', 'les lettres mortes'),
      lireOps('/api/v1/ops/pipeline', 'l’état des services'),
    ]);
    afficherDebit(lireMetriques(metriques), Date.now());
    const refus = lettres.refus ?? pipeline.refus;
    if (refus) {
      refuserLecture(refus);
      etat.textContent = 'Accès refusé : ' + (sessionStorage.getItem(CLE_JETON)
        ? 'ce jeton n’est pas (ou plus) un jeton d’exploitation valide.' : 'jeton d’exploitation absent.')
        + ' Saisissez-en un ci-dessus.';
      etat.className = 'etat erreur';
    } else {
      afficherLettres(lettres.donnees);
      afficherPipeline(pipeline.donnees);
      const enPanne = pipeline.donnees.services.filter(s => s.status !== 'UP').map(s => s.service);
      const n = lettres.donnees.length;
      const problemes = [];
      if (n > 0) problemes.push(`${n} lettre(s) morte(s) à traiter`);
      if (enPanne.length > 0) problemes.push('service(s) non prêt(s) : ' + enPanne.join(', '));
      etat.textContent = problemes.length === 0 ? 'Le pipeline s’écoule.' : problemes.join(' ; ') + '.';
      etat.className = 'etat ' + (problemes.length === 0 ? 'ok' : 'erreur');
    }
  } catch (e) {
    etat.textContent = 'Relevé impossible : ' + e.message;
    etat.className = 'etat erreur';
  } finally {
    releveEnCours = false;
  }
  document.getElementById('mise-a-jour').textContent = new Date().toLocaleTimeString('fr-FR');
}

document.querySelector('#causes').addEventListener('click', evenement => {
  const bouton = evenement.target.closest('button.rejouer-cause');
  if (bouton) {
    bouton.disabled = true;
    rejouerCause(bouton.dataset.cause);
  }
});
document.querySelector('#lettres-mortes').addEventListener('click', evenement => {
  const bouton = evenement.target.closest('button.rejouer');
  if (bouton) {
    bouton.disabled = true;
    rejouer(bouton.dataset.id);
  }
});
relever();
setInterval(relever, INTERVALLE_MS);

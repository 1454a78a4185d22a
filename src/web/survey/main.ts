// The public respondent page (issue 11): /s/<code>, no login, its own small entry (plain DOM, no
// framework; measured by bench/web-size.ts). Phone first, Bahasa Indonesia with English, large
// touch targets. A response is queued on the device and retried until the server answers, then
// "Terkirim". Kiosk mode (?kiosk=<token>): the form resets after each response and the page
// resists navigating away.
import type { PublicSurvey } from '../../shared/wire/surveys.ts';
import { backoffMs, enqueue, flush, load } from './queue.ts';
import { type Key, type Lang, strings } from './strings.ts';
import './survey.css';

const root = document.getElementById('survey')!;
const code = decodeURIComponent(location.pathname.split('/')[2] ?? '');
const kioskToken = new URLSearchParams(location.search).get('kiosk') ?? undefined;
const DEVICE = 'pantau.survey.device';
const LANG = 'pantau.survey.lang';

// Bahasa Indonesia first, as in the app: English only when the respondent chose it on this device.
let lang: Lang = (localStorage.getItem(LANG) as Lang | null) ?? 'id';
let survey: PublicSurvey | null = null;
let openedAt = new Date().toISOString();
let attempt = 0;
let timer: number | undefined;

const t = (k: Key): string => strings[k][lang];
const txt = (x: { id: string; en: string }): string => x[lang];

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') e.textContent = String(v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function show(...nodes: Node[]): void {
  document.documentElement.lang = lang;
  root.replaceChildren(
    el(
      'div',
      { class: 'top' },
      kioskToken
        ? null
        : (() => {
            const b = el('button', { type: 'button', class: 'link', text: t('language') });
            b.addEventListener('click', () => {
              lang = lang === 'id' ? 'en' : 'id';
              localStorage.setItem(LANG, lang);
              if (survey) renderForm();
              else void start();
            });
            return b;
          })(),
    ),
    ...nodes,
  );
}

function deviceToken(fresh: string): string {
  const saved = localStorage.getItem(DEVICE);
  if (saved) return saved;
  localStorage.setItem(DEVICE, fresh);
  return fresh;
}

async function start(): Promise<void> {
  show(el('p', { text: t('loading') }));
  try {
    const res = await fetch(`/api/v1/public/surveys/${encodeURIComponent(code)}`, { headers: { 'accept-language': lang } });
    if (res.status === 404 || res.status === 400) return show(el('p', { class: 'note error', text: t('notFound') }));
    if (!res.ok) throw new Error(String(res.status));
    survey = (await res.json()) as PublicSurvey;
    deviceToken(survey.deviceToken);
    openedAt = new Date().toISOString();
    renderForm();
  } catch {
    const b = el('button', { type: 'button', text: t('retry') });
    b.addEventListener('click', () => void start());
    show(el('p', { class: 'note error', text: t('offlineLoad') }), b);
  }
  void send();
}

function radio(name: string, value: string, label: string, required: boolean): HTMLLabelElement {
  return el('label', { class: 'option' }, el('input', { type: 'radio', name, value, required }), el('span', { text: label }));
}

function renderForm(): void {
  const s = survey!;
  const form = el('form', { novalidate: true });
  const head = el(
    'header',
    {},
    el('h1', { text: txt(s.title) }),
    el('p', {}, el('strong', { text: s.unitName }), ` — ${s.bodyName}`),
    el('p', { text: t('intro') }),
  );
  if (!s.open) form.append(el('p', { class: 'note', text: t('closed') }));

  const profile = el('fieldset', {}, el('legend', { text: t('profile') }));
  for (const f of s.profile) {
    const req = f.required ? ` (${t('required')})` : '';
    if (f.kind === 'age-band') {
      profile.append(
        el(
          'label',
          { class: 'field' },
          `${t('age')}${req}`,
          el('input', { type: 'number', name: 'age', inputmode: 'numeric', min: '10', max: '120' }),
        ),
      );
    } else if (f.options.length <= 3) {
      const fs = el('fieldset', { 'data-field': f.code }, el('legend', { text: `${txt(f.label)}${req}` }));
      for (const o of f.options) fs.append(radio(`p:${f.code}`, o.code, txt(o.label), f.required));
      profile.append(fs);
    } else {
      const sel = el('select', { name: `p:${f.code}`, required: f.required }, el('option', { value: '', text: t('choose') }));
      for (const o of f.options) sel.append(el('option', { value: o.code, text: txt(o.label) }));
      profile.append(el('label', { class: 'field', 'data-field': f.code }, `${txt(f.label)}${req}`, sel));
    }
  }

  const questions = el('div', {}, el('h2', { text: t('questions') }));
  s.questions.forEach((q, k) => {
    const fs = el('fieldset', { 'data-question': q.code }, el('legend', { text: `${k + 1}. ${txt(q.text)}` }));
    if (q.guidance) fs.append(el('p', { class: 'guidance', text: txt(q.guidance) }));
    for (const l of q.levels) fs.append(radio(`q:${q.code}`, String(l.value), `${l.key ? `${l.key}. ` : ''}${txt(l.label)}`, true));
    questions.append(fs);
  });

  const trap = el(
    'label',
    { class: 'trap', 'aria-hidden': 'true' },
    t('honeypot'),
    el('input', { name: 'website', tabindex: '-1', autocomplete: 'off' }),
  );
  const suggestion = el('label', { class: 'field' }, t('suggestion'), el('textarea', { name: 'suggestion', maxlength: '2000' }));
  const status = el('p', { role: 'status' });
  const submit = el('button', { type: 'submit', class: 'primary', text: t('send'), disabled: !s.open });
  // F-03 asks for no profile: no empty "About you" box then.
  form.append(...(s.profile.length > 0 ? [profile] : []), questions, suggestion, trap, status, submit);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    collect(form, status);
  });
  show(head, form);
}

function collect(form: HTMLFormElement, status: HTMLElement): void {
  const s = survey!;
  const data = new FormData(form);
  const answers: Record<string, number> = {};
  let firstMissing: HTMLElement | null = null;
  for (const q of s.questions) {
    const v = data.get(`q:${q.code}`);
    const fs = form.querySelector<HTMLElement>(`[data-question="${q.code}"]`)!;
    fs.classList.toggle('missing', v === null);
    if (v === null) firstMissing ??= fs;
    else answers[q.code] = Number(v);
  }
  const profile: Record<string, string> = {};
  for (const f of s.profile) {
    if (f.kind === 'age-band') continue;
    const v = data.get(`p:${f.code}`);
    const box = form.querySelector<HTMLElement>(`[data-field="${f.code}"]`);
    const empty = v === null || v === '';
    box?.classList.toggle('missing', f.required && empty);
    if (f.required && empty) firstMissing ??= box;
    if (!empty) profile[f.code] = String(v);
  }
  if (firstMissing) {
    status.textContent = t('missing');
    firstMissing.scrollIntoView({ behavior: 'smooth', block: 'center' });
    return;
  }
  const age = Number(data.get('age'));
  const suggestion = String(data.get('suggestion') ?? '').trim();
  const website = String(data.get('website') ?? '');
  enqueue(localStorage, {
    code: s.code,
    body: {
      id: crypto.randomUUID(),
      deviceToken: deviceToken(s.deviceToken),
      ...(kioskToken ? { kioskToken } : {}),
      openedAt,
      answers,
      profile,
      ...(data.get('age') && Number.isFinite(age) ? { age } : {}),
      ...(suggestion ? { suggestion } : {}),
      ...(website ? { website } : {}),
    },
  });
  show(el('p', { class: 'note', text: t('sending') }));
  attempt = 0;
  void send(true);
}

/** Sends the outbox; `mine` = the respondent on this page is waiting for the answer. */
async function send(mine = false): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (load(localStorage).length === 0) return;
  const outcomes = await flush(localStorage, fetch.bind(window), lang);
  const refused = outcomes.find((o) => o.status === 'refused');
  if (load(localStorage).length > 0) {
    attempt += 1;
    timer = window.setTimeout(() => void send(mine), backoffMs(attempt));
    if (mine) show(el('p', { class: 'note', text: t('queued') }));
    return;
  }
  if (!mine) return;
  if (refused) {
    const b = el('button', { type: 'button', text: t('retry') });
    b.addEventListener('click', () => void start());
    return show(el('p', { class: 'note error', role: 'alert', text: refused.message ?? t('closed') }), b);
  }
  show(el('p', { class: 'done', role: 'status', text: t('sent') }), kioskToken ? el('p', { text: t('kioskNext') }) : el('span'));
  if (kioskToken) window.setTimeout(() => renderAgain(), 5000);
}

function renderAgain(): void {
  openedAt = new Date().toISOString();
  renderForm();
  window.scrollTo(0, 0);
}

window.addEventListener('online', () => {
  attempt = 0;
  void send(true);
});

if (kioskToken) {
  // A kiosk stays on the survey: no leaving by the back button, a warning before unloading.
  history.pushState(null, '', location.href);
  window.addEventListener('popstate', () => history.pushState(null, '', location.href));
  window.addEventListener('beforeunload', (e) => e.preventDefault());
}

void start();

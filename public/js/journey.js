// The booking journey, progressive enhancement only: every page works without this file.

// A form sent back with mistakes moves the focus to its error summary (the GOV.UK pattern).
const summary = document.querySelector('.error-summary');
if (summary instanceof HTMLElement) summary.focus();

// The held place's countdown; the expiry time is already written on the page for everyone.
const countdown = document.querySelector('.hold-countdown[data-seconds]');
if (countdown instanceof HTMLElement) {
  const expires = Date.now() + Number(countdown.dataset.seconds) * 1000;
  const value = countdown.querySelector('.hold-countdown-value');
  let timer = 0;
  const tick = () => {
    const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
    if (value) value.textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
    if (left === 0) {
      clearInterval(timer);
      countdown.textContent = countdown.dataset.expired ?? '';
      countdown.setAttribute('role', 'alert');
    }
  };
  timer = setInterval(tick, 1000);
  tick();
  countdown.hidden = false;
}

// The company's fields show only for a persona jurídica (without JavaScript they are always there).
const company = document.querySelector('.juridica-fields');
const personTypes = document.querySelectorAll('input[name="applicant.personType"]');
if (company instanceof HTMLElement && personTypes.length > 0) {
  const update = () => {
    const chosen = document.querySelector('input[name="applicant.personType"]:checked');
    company.hidden = !(chosen instanceof HTMLInputElement && chosen.value === 'juridica');
  };
  for (const input of personTypes) input.addEventListener('change', update);
  update();
}

// "Versión para imprimir" opens the browser's print dialog straight away.
for (const link of document.querySelectorAll('.print-link')) {
  link.addEventListener('click', (event) => {
    event.preventDefault();
    window.print();
  });
}

// The proof-of-work widget on the step that holds a place, from this site only.
const widget = document.querySelector('altcha-widget');
if (widget) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = '/assets/altcha/altcha.css';
  document.head.append(style);
  await import('/assets/altcha/altcha.js');
  if (document.documentElement.lang.startsWith('es')) await import('/assets/altcha/es.js');
  globalThis.$altcha.algorithms.set('SHA-256', () => new Worker('/assets/altcha/sha.js'));
}

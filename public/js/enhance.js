// Progressive enhancement: every page works without this file. It only marks that scripts run, so the
// stylesheet can show things that need them.
document.documentElement.classList.add('js-enabled');

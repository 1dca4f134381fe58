// Back office, progressive enhancement only: every page works without this file.
// A form sent back with mistakes moves the focus to its error summary, so keyboard and screen-reader
// users start from the list of what to fix (the GOV.UK pattern).
const summary = document.querySelector('.error-summary');
if (summary instanceof HTMLElement) summary.focus();

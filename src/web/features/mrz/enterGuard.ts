// Scanners end the last MRZ line with Enter too. By then the form has moved the focus to the
// next field to fill, where that Enter would submit the form: swallow Enters for a moment.
let until = 0;
let installed = false;

export function swallowEnterFor(ms = 500): void {
  until = performance.now() + ms;
  if (installed || typeof document === 'undefined') return;
  installed = true;
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && performance.now() < until) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);
}

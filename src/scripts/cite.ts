// The "cite" buttons: copy the Markdown citation in data-cite to the clipboard and say so. The
// text was made at build time (patchlore cite gives the same).
function flash(button: HTMLButtonElement, text: string): void {
  const before = button.dataset.label ?? button.textContent ?? 'cite';
  button.dataset.label = before;
  button.textContent = text;
  setTimeout(() => {
    button.textContent = before;
  }, 1500);
}

document.addEventListener('click', (e) => {
  const button = (e.target as Element | null)?.closest<HTMLButtonElement>('button.cite[data-cite]');
  if (!button) return;
  const text = button.dataset.cite ?? '';
  navigator.clipboard.writeText(text).then(
    () => flash(button, 'copied'),
    () => {
      // No clipboard (insecure context, permission refused): show the text to copy by hand.
      window.prompt('Copy the citation:', text);
    },
  );
});

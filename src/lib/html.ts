// Escaping for the few pages written without Astro's templating (the /m/ redirect pages). Pure.

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

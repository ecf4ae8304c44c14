// A name and address as one line of text ("Name <email>"), for display, search and trailer
// values. Pure.

/** "Name <email>"; just the name or just the address when the other is empty. */
export function formatAddress(name: string, email: string): string {
  if (name && email) return `${name} <${email}>`;
  return name || email;
}

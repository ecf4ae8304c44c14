// What a user types into the site's search box, as a lunr query: every word required (lunr's
// default is "any word"), -word excludes, field:word for the indexed fields, word* for prefixes.
// Characters lunr would read as syntax (":" in "Re:", "~", "^") are taken as word breaks, so no
// typed text is an error. Pure.

const FIELDS = new Set(['subject', 'author']);

export function toLunrQuery(q: string): string {
  const out: string[] = [];
  for (const raw of q.split(/\s+/)) {
    let w = raw;
    let sign = '+';
    if (w.startsWith('-') || w.startsWith('+')) {
      sign = w[0]!;
      w = w.slice(1);
    }
    let field = '';
    const m = /^([a-z]+):(.+)$/i.exec(w);
    if (m && FIELDS.has(m[1]!.toLowerCase())) {
      field = `${m[1]!.toLowerCase()}:`;
      w = m[2]!;
    }
    for (const part of w.split(/[:~^+\-]+/)) {
      // As lunr's trimmer does to indexed words: no punctuation at either end ("[PATCH]").
      const star = part.endsWith('*');
      const term = part.replace(/\*/g, '').replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, '');
      if (term) out.push(`${sign}${field}${term}${star ? '*' : ''}`);
    }
  }
  return out.join(' ');
}

/** The Message-ID a query is, when it is one ("<a@b>" or "a@b" alone), else null. */
export function messageIdQuery(q: string): string | null {
  const m = /^<?([^\s<>]+@[^\s<>]+?)>?$/.exec(q.trim());
  return m ? m[1]! : null;
}

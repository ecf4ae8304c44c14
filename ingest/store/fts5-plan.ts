// An engine-neutral search plan (store-rows.ts SearchPlan) -> SQLite: one FTS5 MATCH expression
// for everything full-text can say (ranked by bm25), plus SQL predicates on messages `m` for what
// it cannot (date ranges, negation alone, OR across dates and words). The SQLite-specific half of
// search; which words a query term stands for is decided before (ingest/search/plan-search.ts).
// Pure.
import { FTS_COLUMNS } from './schema.ts';
import type { MatchTerm, SearchPlan } from './store-rows.ts';

/** SQL with its parameters. */
export interface SqlPart {
  sql: string;
  params: Array<string | number>;
}

/** What to run: `match` (null when no full-text part can rank) and predicates on messages `m`. */
export interface FtsPlan {
  match: string | null;
  filters: SqlPart[];
}

const quote = (w: string): string => `"${w}"`;

function columns(fields: readonly string[]): string {
  return fields.length === FTS_COLUMNS.length ? '' : `{${fields.join(' ')}} : `;
}

/** The FTS5 expression of one term. A term without a word matches nothing to lore (Xapian drops
 *  it); never everything. */
function termExpression(t: MatchTerm): string {
  switch (t.kind) {
    case 'nothing':
      return '"\u0001"';
    case 'phrase':
      return `${columns(t.fields)}${quote(t.words.join(' '))}${t.lastIsPrefix ? ' *' : ''}`;
    case 'prefix':
      return `${columns(t.fields)}${quote(t.word)} *`;
    case 'words':
      return t.words.length === 1 ? `${columns(t.fields)}${quote(t.words[0]!)}` : `${columns(t.fields)}(${t.words.map(quote).join(' OR ')})`;
  }
}

/** Whether a subtree can be one FTS5 expression. */
function fullText(node: SearchPlan): boolean {
  switch (node.kind) {
    case 'text':
      return true;
    case 'date':
    case 'facet':
    case 'not':
      return false;
    case 'or':
      return node.children.every(fullText);
    case 'and':
      return node.children.some((c) => c.kind !== 'not') && node.children.every((c) => (c.kind === 'not' ? fullText(c.child) : fullText(c)));
  }
}

function ftsOf(node: SearchPlan): string {
  switch (node.kind) {
    case 'text':
      return termExpression(node.term);
    case 'or':
      return node.children.map((c) => `(${ftsOf(c)})`).join(' OR ');
    case 'and': {
      const pos = node.children.filter((c) => c.kind !== 'not');
      let out = pos.map((c) => `(${ftsOf(c)})`).join(' AND ');
      for (const c of node.children) if (c.kind === 'not') out = `(${out}) NOT (${ftsOf(c.child)})`;
      return out;
    }
    default:
      throw new Error(`BUG: ${node.kind} has no FTS5 form`);
  }
}

function predicate(node: SearchPlan): SqlPart {
  if (fullText(node)) return { sql: 'm.id IN (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?)', params: [ftsOf(node)] };
  switch (node.kind) {
    case 'date': {
      const parts = ['m.date IS NOT NULL'];
      const params: number[] = [];
      if (node.from !== null) {
        parts.push('m.date >= ?');
        params.push(node.from);
      }
      if (node.to !== null) {
        parts.push('m.date < ?');
        params.push(node.to);
      }
      return { sql: `(${parts.join(' AND ')})`, params };
    }
    case 'facet':
      return { sql: `m.id IN (SELECT message FROM message_facets WHERE facet = ? AND value IN (${node.values.map(() => '?').join(', ')}))`, params: [node.facet, ...node.values] };
    case 'not': {
      const p = predicate(node.child);
      return { sql: `NOT (${p.sql})`, params: p.params };
    }
    case 'and':
    case 'or': {
      const ps = node.children.map((c) => predicate(c));
      return { sql: `(${ps.map((p) => p.sql).join(node.kind === 'and' ? ' AND ' : ' OR ')})`, params: ps.flatMap((p) => p.params) };
    }
    default:
      throw new Error(`BUG: unexpected ${node.kind}`);
  }
}

/** Plan a query: the biggest full-text part as one MATCH, the rest as predicates. */
export function fts5Plan(query: SearchPlan): FtsPlan {
  if (fullText(query)) return { match: ftsOf(query), filters: [] };
  if (query.kind === 'and') {
    const text = query.children.filter((c) => c.kind !== 'not' && fullText(c));
    const rest = query.children.filter((c) => !text.includes(c));
    const negatedText = rest.filter((c) => c.kind === 'not' && fullText(c.child));
    if (text.length > 0) {
      const matchNode: SearchPlan = text.length === 1 && negatedText.length === 0 ? text[0]! : { kind: 'and', children: [...text, ...negatedText] };
      return { match: ftsOf(matchNode), filters: rest.filter((c) => !negatedText.includes(c)).map((c) => predicate(c)) };
    }
  }
  return { match: null, filters: [predicate(query)] };
}

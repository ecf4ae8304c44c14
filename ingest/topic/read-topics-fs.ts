// Reads the topic files (content/topics/*.md, or $PATCHLORE_TOPICS), and checks that each can be
// built against a store: its query reads, and every citation in it resolves. `patchlore build`
// runs the check first, so a broken topic fails the build with its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lorePermalink } from '../discussion/format-citation.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { parseQuery, formatQueryError } from '../search/parse-query.ts';
import { CiteError, citationOf } from '../store/discussion-queries-fs.ts';
import { locate } from '../store/queries-fs.ts';
import type { Store } from '../store/store-fs.ts';
import { readTopic, type Topic, type TopicProblem } from './read-topic.ts';
import type { ResolvedCitation } from './remark-citations.ts';
import { renderTopic } from './render-topic.ts';

export function topicsDir(): string {
  return process.env.PATCHLORE_TOPICS ?? join(PROJECT_ROOT, 'content', 'topics');
}

/** Every topic file of `dir` (none when it does not exist), and what is wrong with them. */
export function readTopicsFs(dir = topicsDir()): { topics: Topic[]; problems: TopicProblem[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { topics: [], problems: [] };
  }
  const topics: Topic[] = [];
  const problems: TopicProblem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const shown = relative(process.cwd(), path) || path;
    const r = readTopic(shown, name, readFileSync(path, 'utf8'));
    problems.push(...r.problems);
    if (r.topic) topics.push(r.topic);
  }
  const slugs = new Map<string, string>();
  for (const t of topics) {
    const other = slugs.get(t.slug);
    if (other) problems.push({ file: t.file, line: 1, message: `same page /topics/${t.slug}/ as ${other}: rename one of them` });
    slugs.set(t.slug, t.file);
  }
  return { topics, problems };
}

/** A citation resolver over the store; `href` builds the local link of a message. */
export function citationResolver(store: Store, href: (key: string) => string): (mid: string, fragment?: string) => ResolvedCitation | string {
  return (mid, fragment) => {
    try {
      const c = citationOf(store, mid, fragment);
      return { ...c, href: href(c.messageId) };
    } catch (err) {
      if (err instanceof CiteError) return err.message;
      throw err;
    }
  };
}

/** Problems that would fail the build: unreadable topics, bad queries, pinned Message-IDs not
 *  in the store, citations resolving to nothing. */
export function checkTopicsFs(store: Store, dir = topicsDir()): TopicProblem[] {
  const { topics, problems } = readTopicsFs(dir);
  for (const t of topics) {
    const q = parseQuery(t.query);
    if (q.kind === 'error') problems.push({ file: t.file, line: 2, message: `query: ${formatQueryError(t.query, q.error).split('\n')[0]}` });
    for (const mid of [...t.lineages, ...t.messages]) {
      if (!locate(store, mid)) problems.push({ file: t.file, line: 2, message: `pinned <${mid}> is not in the store (${lorePermalink(mid)})` });
    }
    problems.push(...renderTopic(t, citationResolver(store, (k) => k)).problems);
  }
  return problems;
}

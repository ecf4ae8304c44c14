// Reads the topic files (content/topics/*.md, or $PATCHLORE_TOPICS), and checks that each can be
// built against a store: its query reads, and every citation in it resolves. `patchlore build`
// runs the check first, so a broken topic fails the build with its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lorePermalink } from '../lore/lore-url.ts';
import { PROJECT_ROOT } from '../project-root.ts';
import { parseQuery, formatQueryError } from '../search/parse-query.ts';
import { CiteError, citationOf } from '../discussion/discussion-queries.ts';
import type { Store } from '../store/store-port.ts';
import { readTopic, topicProblem, type Topic, type TopicProblem } from './read-topic.ts';
import type { ResolvedCitation } from './remark-citations.ts';
import { renderTopic } from './render-topic.ts';

/** The topics directory; $PATCHLORE_TOPICS overrides it, and "none" means no topics. */
export function topicsDir(): string | null {
  const env = process.env.PATCHLORE_TOPICS;
  if (env === 'none' || env === '') return null;
  return env ?? join(PROJECT_ROOT, 'content', 'topics');
}

/** Every topic file of `dir` (none when it does not exist), and what is wrong with them. */
export function readTopicsFs(dir = topicsDir()): { topics: Topic[]; problems: TopicProblem[] } {
  let names: string[];
  if (dir === null) return { topics: [], problems: [] };
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
    if (other) problems.push(topicProblem('topic/slug', t.file, 1, `same page /topics/${t.slug}/ as ${other}: rename one of them`));
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

/** Whether the store holds mail of a list the topic is about (any store, for a topic naming no
 *  list): a topic about one list is not built into the site of another. */
export function topicApplies(store: Store, topic: Topic): boolean {
  if (topic.lists.length === 0) return true;
  return topic.lists.some((l) => store.mail.hasList(l));
}

/** The topics the site of this store shows, and those left out because the store has none of
 *  their lists. */
export function storeTopicsFs(store: Store, dir = topicsDir()): { topics: Topic[]; skipped: Topic[]; problems: TopicProblem[] } {
  const { topics, problems } = readTopicsFs(dir);
  return { topics: topics.filter((t) => topicApplies(store, t)), skipped: topics.filter((t) => !topicApplies(store, t)), problems };
}

/** Problems that would fail the build: unreadable topics, bad queries, pinned Message-IDs not
 *  in the store, citations resolving to nothing (for the topics this store's site shows). */
export function checkTopicsFs(store: Store, dir = topicsDir()): TopicProblem[] {
  const { topics, problems } = storeTopicsFs(store, dir);
  for (const t of topics) {
    const q = parseQuery(t.query);
    if (q.kind === 'error') problems.push(topicProblem('topic/query', t.file, 2, `query: ${formatQueryError(t.query, q.error).split('\n')[0]}`));
    for (const mid of [...t.lineages, ...t.messages]) {
      if (!store.mail.locate(mid)) problems.push(topicProblem('topic/pin', t.file, 2, `pinned <${mid}> is not in the store (${lorePermalink(mid)})`));
    }
    problems.push(...renderTopic(t, citationResolver(store, (k) => k)).problems);
  }
  return problems;
}

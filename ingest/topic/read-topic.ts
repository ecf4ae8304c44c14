// A topic file (content/topics/<slug>.md): YAML front matter with a title and a query in the lore
// language, optionally the lists it is about and pinned lineages and messages, then a Markdown
// body. Reading checks every
// field and says which one is wrong and on which line. Pure: text in, topic or problems
// (Diagnostics with the file as `source` and the line as `locator`) out.
import yaml from 'js-yaml';
import { messageIdArgument } from '../lore/parse-lore-target.ts';
import type { Diagnostic, TopicCode } from '../types.ts';

export interface Topic {
  slug: string;
  /** The file it was read from (for messages). */
  file: string;
  title: string;
  /** A lore query: the lineages its hits belong to are the topic's. */
  query: string;
  summary: string;
  /** Postings (any Message-ID of a lineage) always part of the topic. */
  lineages: string[];
  /** Messages whose statements are always shown. */
  messages: string[];
  /** Lists the topic is about: a store holding none of them does not build it. Empty: any. */
  lists: string[];
  /** Markdown body, and the file line it starts on (1-based). */
  body: string;
  bodyLine: number;
}

const KNOWN = new Set(['title', 'query', 'summary', 'lists', 'lineages', 'messages']);

/** A topic's slug from its file name: "zone-device-refcount.md" -> "zone-device-refcount". */
export function topicSlug(fileName: string): string {
  return fileName
    .replace(/\.md$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A Diagnostic of a topic file: `source` the file, `locator` the line. */
export type TopicProblem = Diagnostic;

/** A problem at a line of a topic file. */
export function topicProblem(code: TopicCode, file: string, line: number, message: string): TopicProblem {
  return { code, message, source: file, locator: String(line) };
}

export function readTopic(file: string, fileName: string, text: string): { topic: Topic | null; problems: TopicProblem[] } {
  const problems: TopicProblem[] = [];
  const fail = (line: number, message: string) => ({ topic: null, problems: [...problems, topicProblem('topic/front-matter', file, line, message)] });
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(src);
  if (!m) return fail(1, 'no front matter: the file must start with a "---" line, YAML fields, and a closing "---" line');
  const frontLines = m[1]!.split('\n').length;
  let data: unknown;
  try {
    data = yaml.load(m[1]!, { schema: yaml.JSON_SCHEMA });
  } catch (err) {
    const mark = (err as { mark?: { line?: number } }).mark;
    return fail(2 + (mark?.line ?? 0), `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail(2, 'front matter must be YAML fields (title: ..., query: ...)');
  const d = data as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const i = m[1]!.split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return i < 0 ? 2 : i + 2;
  };
  const field = (line: number, message: string): void => void problems.push(topicProblem('topic/field', file, line, message));
  for (const k of Object.keys(d)) if (!KNOWN.has(k)) field(lineOf(k), `unknown field "${k}"; known fields: ${[...KNOWN].join(', ')}`);
  const str = (k: string, required: boolean): string => {
    const v = d[k];
    if (v === undefined || v === null) {
      if (required) field(2, `"${k}" is required`);
      return '';
    }
    if (typeof v !== 'string' || !v.trim()) {
      field(lineOf(k), `"${k}" must be a non-empty string`);
      return '';
    }
    return v.trim();
  };
  const ids = (k: string): string[] => {
    const v = d[k];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      field(lineOf(k), `"${k}" must be a list of Message-IDs (with or without <>, or lore URLs)`);
      return [];
    }
    return (v as string[]).map(messageIdArgument);
  };
  const lists = (() => {
    const v = d.lists;
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !x.trim())) {
      field(lineOf('lists'), '"lists" must be a list of list names (e.g. [nvdimm])');
      return [];
    }
    return (v as string[]).map((x) => x.trim());
  })();
  const topic: Topic = {
    slug: topicSlug(fileName),
    file,
    title: str('title', true),
    query: str('query', true),
    summary: str('summary', false),
    lineages: ids('lineages'),
    messages: ids('messages'),
    lists,
    body: src.slice(m[0].length),
    bodyLine: frontLines + 3,
  };
  if (!topic.slug) problems.push(topicProblem('topic/slug', file, 1, 'the file name gives no slug: use letters, digits and "-"'));
  return { topic: problems.length ? null : topic, problems };
}

// A citation of a message or one statement in it, in the forms a reviewer pastes: a Markdown
// quote with author, date and the lore permalink; plain text; or a `Link:` trailer. The same text
// on the command line (`patchlore cite`), behind the site's "cite" buttons, and in topic pages.
// Pure.
import { authorDay } from '../message/parse-date.ts';
import { lorePermalink } from '../lore/lore-url.ts';

export interface Citation {
  messageId: string;
  author: string;
  email: string;
  /** ISO date, or null when the message has none. */
  date: string | null;
  /** The Date header as written, when known: the citation gives the day in the author's zone. */
  dateHeader?: string;
  subject: string;
  /** The cited words (a statement, or an excerpt of the message's own text). */
  text: string;
  /** When the words answer a quoted question or point: that, and who wrote it. */
  answers?: { author: string; text: string } | null;
}

export type CitationFormat = 'markdown' | 'text' | 'trailer';


/** The day of a citation: where its author was when the Date header is known, else UTC. */
const day = (c: Pick<Citation, 'date' | 'dateHeader'>): string => (c.date ? (authorDay(c.dateHeader ?? '', Date.parse(c.date)) ?? 'undated') : 'undated');

/** Markdown: characters that would start markup at the beginning of a quoted line are escaped. */
function mdQuote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l.replace(/^([#>+\-*]|\d+\.)(\s)/, '\\$1$2')}`.trimEnd())
    .join('\n');
}

export function formatCitation(c: Citation, format: CitationFormat): string {
  const link = lorePermalink(c.messageId);
  if (format === 'trailer') return `Link: ${link}`;
  const who = c.email ? `${c.author} <${c.email}>` : c.author;
  if (format === 'text') {
    const asked = c.answers ? `In reply to ${c.answers.author}: "${c.answers.text}"\n` : '';
    return `${asked}${c.author} wrote on ${day(c)}:\n\n  ${c.text.split('\n').join('\n  ')}\n\n-- ${who}, "${c.subject}", ${link}\n`;
  }
  const asked = c.answers ? `${mdQuote(`**${c.answers.author}:** ${c.answers.text}`)}\n>\n` : '';
  return `${asked}${mdQuote(c.answers ? `**${c.author}:** ${c.text}` : c.text)}\n\n— ${who}, ${day(c)}, [${c.subject.replace(/([[\]])/g, '\\$1')}](${link})\n`;
}

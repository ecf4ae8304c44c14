// The start of a message's own words, for citing a whole message: its paragraphs after any
// greeting, without quotes, diff, trailers or signature, up to a length. Pure.
import type { Block } from '../types.ts';
import { segmentMessage } from './segment-message.ts';
import { isFormality } from './sentences.ts';

export const EXCERPT_CHARS = 500;

export function ownExcerpt(body: string, max = EXCERPT_CHARS): string {
  return ownExcerptOf(segmentMessage(body).blocks, max);
}

/** As ownExcerpt, from the message's blocks when they are already segmented. */
export function ownExcerptOf(blocks: readonly Block[], max = EXCERPT_CHARS): string {
  const texts = blocks.filter((b) => b.depth === 0 && b.kind === 'text').map((b) => b.text);
  const paragraphs = texts
    .flatMap((t) => t.split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p && !isFormality(p));
  let out = '';
  for (const p of paragraphs) {
    if (out && out.length + p.length > max) break;
    out += (out ? '\n\n' : '') + p;
  }
  return out.length > max ? out.slice(0, max - 1) + '…' : out || '(no text of its own)';
}

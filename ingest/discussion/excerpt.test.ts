import { describe, expect, it } from 'vitest';
import { ownExcerpt, ownExcerptOf } from './excerpt.ts';
import { segmentMessage } from './segment-message.ts';

describe('ownExcerpt', () => {
  const body = 'Hi Dan,\n\n> Quoted words.\n\nThis is what I think.\n\nAnd more of it.\n\nThanks,\nMax\n';

  it('keeps own paragraphs after the greeting, without quotes or sign-off', () => {
    expect(ownExcerpt(body)).toBe('This is what I think.\n\nAnd more of it.');
    expect(ownExcerpt('> only a quote\n')).toBe('(no text of its own)');
    expect(ownExcerpt(body, 30)).toBe('This is what I think.');
  });

  it('gives the same from blocks already segmented', () => {
    const { blocks } = segmentMessage(body);
    expect(ownExcerptOf(blocks)).toBe(ownExcerpt(body));
    expect(ownExcerptOf(blocks, 30)).toBe(ownExcerpt(body, 30));
  });
});

import { describe, expect, it } from 'vitest';
import { decodeFlowed } from './decode-flowed.ts';

describe('decodeFlowed (RFC 3676)', () => {
  it('joins the lines of a paragraph and keeps paragraphs apart', () => {
    expect(decodeFlowed('one two \nthree\n\nfour \nfive\n')).toBe('one two three\n\nfour five\n');
  });

  it('keeps the empty line after a paragraph whose last line ends in a space', () => {
    expect(decodeFlowed('first paragraph \n\nsecond\n')).toBe('first paragraph \n\nsecond\n');
  });

  it('never flows a quoted line into the reply after it (the lore message that lost its reply)', () => {
    // <36334f20-2b9e-4529-89c4-120678bc5985@redhat.com>, Thunderbird, format=flowed.
    const raw = [
      '> I\'m not an expert in what callers of vm_normal_page() think of as a "normal" ',
      '> page. ',
      '',
      'Yeah, it\'s tricky. It means "this is abnormal, don\'t look at the struct ',
      'page". We\'re moving away from that, such that these folios/pages will be ',
      '... mostly normal :)',
      '',
    ].join('\n');
    expect(decodeFlowed(raw).split('\n')).toEqual([
      '> I\'m not an expert in what callers of vm_normal_page() think of as a "normal" page. ',
      '',
      'Yeah, it\'s tricky. It means "this is abnormal, don\'t look at the struct page". We\'re moving away from that, such that these folios/pages will be ... mostly normal :)',
      '',
    ]);
  });

  it('joins quoted lines of one depth without repeating their quote marks, and stops where the depth changes', () => {
    expect(decodeFlowed('>> deep \n>> still deep\n> shallow \n> more\nreply\n')).toBe('>> deep still deep\n> shallow more\nreply\n');
    expect(decodeFlowed('> flowed but next is deeper \n>> deeper\n')).toBe('> flowed but next is deeper \n>> deeper\n');
  });

  it('removes space-stuffing, at any depth, and keeps what follows it', () => {
    expect(decodeFlowed('  indented\n>  quoted indented\n From here\n')).toBe(' indented\n>  quoted indented\nFrom here\n');
    expect(decodeFlowed('> > nested the other way\n')).toBe('> > nested the other way\n');
  });

  it('with DelSp=yes removes the space that made a line flow', () => {
    expect(decodeFlowed('long wo \nrd\n', true)).toBe('long word\n');
    expect(decodeFlowed('long wo \nrd\n', false)).toBe('long wo rd\n');
  });

  it('never flows the signature separator, nor into it', () => {
    expect(decodeFlowed('Thanks, \n-- \nDavid \n')).toBe('Thanks, \n-- \nDavid \n');
  });

  it('accepts CRLF and text without a final line end', () => {
    expect(decodeFlowed('a \r\nb\r\nc')).toBe('a b\nc');
  });
});

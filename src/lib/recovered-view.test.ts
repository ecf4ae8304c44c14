import { describe, expect, it } from 'vitest';
import type { Recovered } from '../../ingest/types.ts';
import { recoveredView } from './recovered-view.ts';

const h24: Recovered = {
  generator: 'hypermail',
  version: '2.4.1',
  source: 'https://lkml.iu.edu/hypermail/linux/kernel/2502.3/01234.html',
  messageId: 'truncated',
  writtenId: '67c1ed2b1f4e2_1a7729487_at_xxxxxxxxxx',
  obfuscated: [
    { field: 'message-id', how: 'truncated', restored: false },
    { field: 'from', how: 'x-domain', restored: false },
    { field: 'body', how: 'x-domain', restored: false },
  ],
  datePrecision: 'second',
};

describe('recoveredView', () => {
  it('says which page, what the archive hid or cut, and that the Message-ID is a placeholder', () => {
    expect(recoveredView(h24)).toEqual({
      generator: 'a hypermail 2.4.1 page',
      source: h24.source,
      href: h24.source,
      lost: ['the Message-ID: cut short', "the sender's address: domain hidden", 'addresses in the text: domain hidden'],
      restored: [],
      date: '',
      placeholder: 'the page cut its Message-ID: it is stored under a placeholder until its mail arrives',
    });
  });

  it('links only a web page; a saved file, or anything else a header could claim, is text', () => {
    const thread: Recovered = { ...h24, generator: 'public-inbox-thread', version: '', source: 'file:///home/me/saved/T.html#m3f2a', messageId: 'complete', obfuscated: [{ field: 'from', how: 'x-domain', restored: true }], datePrecision: 'minute' };
    expect(recoveredView(thread)).toMatchObject({ generator: 'a public-inbox thread page', href: null, restored: ["the sender's address: domain hidden"], date: 'the page gives the date to the minute', placeholder: '' });
    expect(recoveredView({ ...h24, source: 'javascript:alert(1)' }).href).toBeNull();
    expect(recoveredView({ ...h24, source: ' https://x/' }).href).toBeNull();
  });
});

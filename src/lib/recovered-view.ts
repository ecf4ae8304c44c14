// What a thread page says of a message recovered from an archive web page rather than received
// as mail: which program wrote the page and where it is (a link only for a web page), what the
// archive hid or cut and whether patchlore could restore it, how precise the date is, and that the
// Message-ID is a placeholder when the page damaged or lacked it. Pure. The page's address is
// text the page's reader wrote (and, for crafted mail, anyone): it is only ever rendered as text
// or as an http(s) link.
import type { Obfuscation, Recovered } from '../../ingest/types.ts';

export interface RecoveredView {
  /** "a hypermail 2.1.7 page". */
  generator: string;
  /** The page's address as recorded (a URL, or a file: URL), with the message's anchor. */
  source: string;
  /** A link to the page when it is on the web (http or https), else null. */
  href: string | null;
  /** What the archive hid or cut and patchlore could not restore ("the sender's address: its
   *  domain hidden"), in the order the page recorded them. */
  lost: string[];
  /** What it hid and patchlore restored. */
  restored: string[];
  /** How precise the date is, when less than to the second ("the page gives the date to the
   *  minute"); '' otherwise. */
  date: string;
  /** When the page damaged, made up or left out the Message-ID: what that means here; '' else. */
  placeholder: string;
}

const GENERATOR: Record<Recovered['generator'], string> = {
  hypermail: 'hypermail',
  mhonarc: 'MHonArc',
  'public-inbox': 'public-inbox message',
  'public-inbox-thread': 'public-inbox thread',
  patchwork: 'Patchwork',
};

const FIELD: Record<Obfuscation['field'], string> = {
  from: "the sender's address",
  to: 'the To addresses',
  cc: 'the Cc addresses',
  body: 'addresses in the text',
  'message-id': 'the Message-ID',
  references: 'the IDs of the messages it answers',
};

const HOW: Record<Obfuscation['how'], string> = {
  'x-domain': 'domain hidden',
  'spelt-out': '"@" spelt out',
  truncated: 'cut short',
  'name-only': 'only the name shown',
};

const PRECISION: Record<Recovered['datePrecision'], string> = {
  second: '',
  minute: 'the page gives the date to the minute',
  day: 'the page gives only the day',
  none: 'the page gives no date',
};

const PLACEHOLDER: Record<Recovered['messageId'], string> = {
  complete: '',
  truncated: 'the page cut its Message-ID: it is stored under a placeholder until its mail arrives',
  'made-up': 'the archive made up its Message-ID: it is stored under a placeholder until its mail arrives',
  missing: 'the page shows no Message-ID: it is stored under one made from its content until its mail arrives',
};

/** The view of how a message was recovered. */
export function recoveredView(r: Recovered): RecoveredView {
  const said = (o: Obfuscation) => `${FIELD[o.field]}: ${HOW[o.how]}`;
  const version = r.version ? ` ${r.version}` : '';
  return {
    generator: `a ${GENERATOR[r.generator]}${version} page`,
    source: r.source,
    href: /^https?:\/\//i.test(r.source) ? r.source : null,
    lost: [...new Set(r.obfuscated.filter((o) => !o.restored).map(said))],
    restored: [...new Set(r.obfuscated.filter((o) => o.restored).map(said))],
    date: PRECISION[r.datePrecision],
    placeholder: PLACEHOLDER[r.messageId],
  };
}

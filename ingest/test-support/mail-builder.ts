// Small in-memory builders for tests: mail messages, mbox files, temporary stores.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/sqlite-store-fs.ts';
import type { Store } from '../store/store-port.ts';

/** What a test message needs; everything has a default. */
export interface MailSpec {
  id?: string | null;
  from?: string;
  subject?: string;
  date?: string | null;
  inReplyTo?: string;
  references?: string[];
  listId?: string;
  body?: string;
  /** Extra header lines, e.g. ['Received: from x; Mon, 1 Jan 2024 00:00:00 +0000']. */
  headers?: string[];
}

let counter = 0;

/** An RFC 5322 message. */
export function mail(s: MailSpec = {}): string {
  const n = ++counter;
  const lines: string[] = [...(s.headers ?? [])];
  lines.push(`From: ${s.from ?? `Tester ${n} <tester${n}@example.org>`}`);
  lines.push(`Subject: ${s.subject ?? `message ${n}`}`);
  if (s.date !== null) lines.push(`Date: ${s.date ?? new Date(Date.UTC(2024, 0, 1, 0, n)).toUTCString()}`);
  if (s.id !== null) lines.push(`Message-ID: <${s.id ?? `m${n}@example.org`}>`);
  if (s.inReplyTo) lines.push(`In-Reply-To: <${s.inReplyTo}>`);
  if (s.references?.length) lines.push(`References: ${s.references.map((r) => `<${r}>`).join('\n ')}`);
  if (s.listId) lines.push(`List-Id: <${s.listId}>`);
  lines.push('Content-Type: text/plain; charset=utf-8');
  return lines.join('\n') + '\n\n' + (s.body ?? `body of message ${n}\n`);
}

/** An mboxrd file of messages, quoting body "From " lines as mboxrd writers do. */
export function mbox(messages: string[]): string {
  return messages
    .map((m) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${m.replace(/^(>*From )/gm, '>$1')}${m.endsWith('\n') ? '' : '\n'}\n`)
    .join('');
}

/** A temporary directory removed by the returned cleanup. */
export function tempDir(prefix = 'patchlore-test-'): { dir: string; file(name: string, content: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const p = join(dir, name);
      writeFileSync(p, content);
      return p;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh store in a temporary directory. */
export function tempStore(dir: string, name = 'store.sqlite'): Store {
  return openStore(join(dir, name));
}

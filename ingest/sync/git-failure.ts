// What a failed `git clone`/`git fetch` over HTTP means, from its stderr: the server has no such
// repository (not retried), a 429/5xx or a network failure (retried like any request), a failure
// of this machine (a full disk, a permission: not retried, and not the server's), or something
// else (reported as is). Pure.
import type { AttemptOutcome } from './retry-policy.ts';

/** How a git failure is handled. */
export type GitFailure =
  | { kind: 'not-found'; reason: string }
  | { kind: 'retry'; outcome: AttemptOutcome; reason: string }
  | {
      kind: 'fatal';
      reason: string;
      /** Set when the failure is this machine's (disk, permissions), not the server's or the
       *  network's: the caller throws an EnvironmentError rather than reporting a fetch problem. */
      local?: true;
    };

/** Messages of git and libcurl that mean the network or the server failed for now. */
const TRANSIENT =
  /Failed to connect|Couldn't connect|Could not resolve host|Connection reset|Connection refused|Connection timed out|Operation timed out|Operation too slow|transfer closed|early EOF|RPC failed|the remote end hung up|unexpected disconnect|Empty reply from server|SSL_read|GnuTLS recv error|HTTP\/2 stream|index-pack failed|invalid index-pack output|expected flush after ref listing|protocol error/i;

/** Messages of git and the C library that mean the local disk or file system refused. */
const LOCAL =
  /No space left on device|Disk quota exceeded|Read-only file system|Permission denied|could not (?:create|write|lock|open)\b|unable to (?:create|write)\b|Unable to create '[^']*\.lock'/i;

/** Classify git's stderr after a failed network operation. */
export function classifyGitFailure(stderr: string): GitFailure {
  const text = stderr.trim();
  const lastFatal = text.split('\n').filter((l) => /^(?:fatal|error):/.test(l)).pop() ?? text.split('\n').pop() ?? '';
  const reason = lastFatal.replace(/^(?:fatal|error):\s*/, '').slice(0, 300) || 'git failed without saying why';
  const status = /returned error: (\d{3})/.exec(text);
  if (status) {
    const code = Number(status[1]);
    if (code === 404 || code === 410) return { kind: 'not-found', reason };
    return { kind: 'retry', outcome: { kind: 'status', status: code, retryAfter: null }, reason };
  }
  if (/repository '[^']*' not found|Repository not found|remote: Not Found/i.test(text)) return { kind: 'not-found', reason };
  // Before the transient failures: a full disk also makes git say "index-pack failed".
  if (LOCAL.test(text)) return { kind: 'fatal', reason, local: true };
  if (TRANSIENT.test(text)) return { kind: 'retry', outcome: { kind: 'network', reason }, reason };
  return { kind: 'fatal', reason };
}

// The severity of a diagnostic: as it says, else the default of its code. Most codes always
// matter the same; a record says otherwise where it knows better (a download that failed on one
// server but came from a mirror is a warning). Pure.
import type { Diagnostic, DiagnosticCode, Severity } from './types.ts';

/** What each code means by default (see Severity in types.ts). */
const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'mbox/preamble': 'warning',
  'mbox/content-length': 'warning',
  'mbox/truncated': 'error',
  'source/unreadable': 'error',
  'source/unknown-format': 'error',
  'epoch/deletion': 'info',
  'epoch/not-a-message': 'warning',
  'mail/empty': 'error',
  'mail/no-headers': 'error',
  'mail/parse-failed': 'error',
  'mail/too-large': 'error',
  'mid/missing': 'warning',
  'mid/unbracketed': 'info',
  'mid/multiple': 'warning',
  'mid/too-long': 'warning',
  'ref/junk': 'info',
  'date/missing': 'warning',
  'date/unparseable': 'warning',
  'date/repaired': 'info',
  'date/fallback': 'info',
  'charset/unknown': 'warning',
  'header/raw-8bit': 'info',
  'store/imposter': 'warning',
  'series/overrides': 'warning',
  'thread/cycle': 'warning',
  'thread/self-reference': 'info',
  'commit/unresolved-trailer': 'info',
  'http/not-found': 'error',
  'http/refused': 'error',
  'http/server-error': 'error',
  'http/network': 'error',
  'http/truncated': 'error',
  'http/not-mbox': 'error',
  'http/retry-after': 'error',
  'http/limit': 'error',
  'manifest/malformed': 'warning',
  'atom/malformed': 'warning',
  'git/not-found': 'error',
  'git/failed': 'error',
  'config/missing': 'error',
  'config/unreadable': 'error',
  'config/db': 'error',
  'config/sync': 'error',
  'config/unknown-key': 'warning',
  'topic/front-matter': 'error',
  'topic/field': 'error',
  'topic/slug': 'error',
  'topic/query': 'error',
  'topic/pin': 'error',
  'topic/citation': 'error',
  'query/bad-date': 'error',
  'query/impossible-date': 'error',
  'query/empty-range': 'error',
};

/** How much `d` matters. */
export function severityOf(d: Diagnostic): Severity {
  return d.severity ?? DEFAULT_SEVERITY[d.code];
}

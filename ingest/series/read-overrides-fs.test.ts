import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { overridesFingerprint, readRevisionOverrides } from './read-overrides-fs.ts';

describe('readRevisionOverrides', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  const file = (text: string): string => {
    dir = mkdtempSync(join(tmpdir(), 'patchlore-overrides-'));
    const path = join(dir, 'series-links.json');
    writeFileSync(path, text);
    return path;
  };

  it('gives the fingerprint of the bytes it parsed', () => {
    const path = file('{"pin": [{"from": "<a@x>", "to": "b@x"}], "split": []}');
    const read = readRevisionOverrides(path);
    expect(read.overrides.pin).toEqual([{ from: 'a@x', to: 'b@x' }]);
    expect(read.fingerprint).toBe(overridesFingerprint(path));
    expect(read.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('fingerprints a broken file too, so it is not reread until it changes', () => {
    const path = file('{"pin": [');
    const read = readRevisionOverrides(path);
    expect(read.diagnostics[0]!.message).toContain('not valid JSON');
    expect(read.fingerprint).toBe(overridesFingerprint(path));
  });

  it('is "none" without a file', () => {
    expect(readRevisionOverrides('/nonexistent/series-links.json').fingerprint).toBe('none');
    expect(overridesFingerprint('/nonexistent/series-links.json')).toBe('none');
  });
});

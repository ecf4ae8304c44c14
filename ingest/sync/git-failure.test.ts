import { describe, expect, it } from 'vitest';
import { classifyGitFailure } from './git-failure.ts';

describe('classifyGitFailure', () => {
  it('knows a missing repository', () => {
    expect(classifyGitFailure("remote: Not Found\nfatal: repository 'http://127.0.0.1:1/nvdimm/9/' not found\n")).toEqual({ kind: 'not-found', reason: "repository 'http://127.0.0.1:1/nvdimm/9/' not found" });
    expect(classifyGitFailure("fatal: unable to access 'http://x/': The requested URL returned error: 404")).toMatchObject({ kind: 'not-found' });
  });
  it('retries 5xx and network failures', () => {
    expect(classifyGitFailure("fatal: unable to access 'http://x/nvdimm/0/': The requested URL returned error: 503")).toEqual({
      kind: 'retry',
      outcome: { kind: 'status', status: 503, retryAfter: null },
      reason: "unable to access 'http://x/nvdimm/0/': The requested URL returned error: 503",
    });
    for (const msg of [
      "fatal: unable to access 'http://127.0.0.1:18099/nvdimm/0/': Failed to connect to 127.0.0.1 port 18099 after 0 ms: Couldn't connect to server",
      'error: RPC failed; curl 18 transfer closed with outstanding read data remaining\nfatal: early EOF',
      "fatal: unable to access 'http://x/': Operation too slow. Less than 1000 bytes/sec transferred the last 2 seconds",
    ]) {
      expect(classifyGitFailure(msg).kind, msg).toBe('retry');
    }
  });
  it('does not retry a 403 or a local failure', () => {
    const f = classifyGitFailure("fatal: unable to access 'http://x/': The requested URL returned error: 403");
    expect(f).toMatchObject({ kind: 'retry', outcome: { kind: 'status', status: 403 } }); // retryDecision refuses 403
    expect(classifyGitFailure('fatal: could not create leading directories: Permission denied')).toMatchObject({ kind: 'fatal' });
  });
});

describe('classifyGitFailure on this machine', () => {
  it('tells a failure of the local disk from the server\'s, even when git also says index-pack failed', () => {
    for (const msg of [
      'fatal: could not create leading directories: Permission denied',
      'fatal: write error: No space left on device\nfatal: index-pack failed',
      "fatal: Unable to create '/cache/mirrors/x/git/0.git/shallow.lock': File exists.",
      'error: unable to write file objects/pack/tmp_pack_x: Read-only file system',
    ]) {
      expect(classifyGitFailure(msg), msg).toMatchObject({ kind: 'fatal', local: true });
    }
    expect(classifyGitFailure('fatal: something git says about the remote')).toEqual({ kind: 'fatal', reason: 'something git says about the remote' });
  });
});

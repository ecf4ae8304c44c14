// Parses what `git log -z --name-only` prints in LOG_FORMAT into GitCommit records, chunk by
// chunk, so a history never has to fit in one string. Pure: read-git-history-fs.ts runs git and
// feeds it; patch-ids are not its business (they stay null here).
import type { Address, GitCommit } from '../types.ts';

/** `git log -z` fields of a commit, each ended by NUL, which no field can hold: hash, parents,
 *  tree, author name, email, date, committer name, email, date, subject, message. After them,
 *  for a commit that changes files, a newline and the file names, each ended by NUL. */
export const LOG_FORMAT = '--format=%H%x00%P%x00%T%x00%an%x00%ae%x00%at%x00%cn%x00%ce%x00%ct%x00%s%x00%B';
/** Fields of LOG_FORMAT. */
export const FIELDS = 11;

const HEX40 = /^[0-9a-f]{40}$/;
const PARENTS = /^(?:[0-9a-f]{40}(?: [0-9a-f]{40})*)?$/;
const DIGITS = /^\d+$/;

/** Splits `git log -z` output (LOG_FORMAT, --name-only) into commits as it arrives, in chunks
 *  of any size. A token that starts the fields of a commit (hash, parents, tree, dates where they
 *  belong) ends the file list of the one before. */
export class GitLogParser {
  private tokens: string[] = [];
  private partial = '';
  private readonly commits: GitCommit[] = [];

  /** Commits parsed so far. */
  get count(): number {
    return this.commits.length;
  }

  push(chunk: string): void {
    const parts = (this.partial + chunk).split('\0');
    this.partial = parts.pop()!;
    for (const t of parts) this.tokens.push(t);
    this.drain(false);
  }

  end(): GitCommit[] {
    if (this.partial !== '') this.tokens.push(this.partial);
    this.partial = '';
    this.drain(true);
    if (this.tokens.length > 0) throw new Error(`BUG: git log -z ended in the middle of a commit: ${this.tokens.slice(0, 3).join(' | ').slice(0, 200)}`);
    return this.commits;
  }

  private startsCommit(i: number): boolean {
    const t = this.tokens;
    return HEX40.test(t[i]!) && PARENTS.test(t[i + 1]!) && HEX40.test(t[i + 2]!) && DIGITS.test(t[i + 5]!) && DIGITS.test(t[i + 8]!);
  }

  /** Take every commit whose end is known: the start of the next one is in, or the input ended. */
  private drain(final: boolean): void {
    let i = 0;
    const t = this.tokens;
    while (t.length - i >= FIELDS) {
      if (!this.startsCommit(i)) throw new Error(`BUG: git log -z gave no commit where one starts: ${t.slice(i, i + 3).join(' | ').slice(0, 200)}`);
      let j = i + FIELDS;
      const files: string[] = [];
      if (j < t.length && t[j]!.startsWith('\n')) {
        files.push(t[j]!.slice(1));
        j++;
        // names until the next commit; a name cannot be told from a commit until its fields are in
        while (j < t.length && !(t.length - j >= FIELDS && this.startsCommit(j))) {
          if (t.length - j < FIELDS && !final) return this.keep(i);
          files.push(t[j]!);
          j++;
        }
      }
      // more names, or the file list, may be in the next chunk
      if (j >= t.length && !final) return this.keep(i);
      const [hash, parents, tree, an, ae, at, cn, ce, ct, subject, message] = t.slice(i, i + FIELDS) as [string, string, string, string, string, string, string, string, string, string, string];
      this.commits.push({
        hash,
        parents: parents ? parents.split(' ') : [],
        tree,
        author: address(an, ae),
        authorDate: Number(at) * 1000,
        committer: address(cn, ce),
        commitDate: Number(ct) * 1000,
        subject,
        message: message.replace(/\n+$/, '\n'),
        files: files.filter((f) => f !== ''),
        patchId: null,
      });
      i = j;
    }
    if (final && t.length - i > 0 && t.slice(i).every((x) => x === '')) i = t.length;
    this.keep(i);
  }

  private keep(from: number): void {
    if (from > 0) this.tokens = this.tokens.slice(from);
  }
}

function address(name: string, email: string): Address {
  return { name, email: email.toLowerCase() };
}

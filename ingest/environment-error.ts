// The failure of something patchlore runs on rather than of what it was given: git or another
// program that cannot be run or that fails, a disk that cannot be written, a store that cannot
// be opened. Thrown where it happens, with what failed in the message and the original error as
// `cause`; the CLI's error boundary reports it as neither the user's input nor a bug in
// patchlore (exit 1, no stack). Bad input is never one of these: it is a Diagnostic.

/** Something patchlore depends on failed: `message` says what and where, `cause` is the error
 *  it came from (new EnvironmentError(message, { cause })). */
export class EnvironmentError extends Error {
  override readonly name = 'EnvironmentError';
}

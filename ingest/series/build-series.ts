// The series stage's composition: postings, their trailers, their lineages, and the trailers
// carried across revisions. Pure: messages and manual decisions in, records out.
import type { Posting, PostingTrailer, Revision, RevisionOverrides, SeriesMessage, TrailerMismatch } from '../types.ts';
import { collectTrailers } from './collect-trailers.ts';
import { groupPostings } from './group-postings.ts';
import { linkRevisions } from './link-revisions.ts';

export interface SeriesResult {
  postings: Posting[];
  revisions: Revision[];
  /** Collected and carried trailers of every patch. */
  trailers: PostingTrailer[];
  mismatches: TrailerMismatch[];
}

export function buildSeries(messages: readonly SeriesMessage[], overrides: RevisionOverrides): SeriesResult {
  const postings = groupPostings(messages);
  const { trailers, mismatches } = collectTrailers(messages, postings);
  const { revisions, carried } = linkRevisions(postings, trailers, overrides);
  return { postings, revisions, trailers: [...trailers, ...carried], mismatches };
}

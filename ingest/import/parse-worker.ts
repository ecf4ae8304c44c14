// Worker thread body: parses and mines raw messages sent by ParsePool, one at a time (concurrent
// mailparser streams in one thread are slower than sequential ones).
import { serveRequests } from '../workers/worker-pool.ts';
import { parseAndMine, type MinedOutcome, type ParseJob } from './parse-pool.ts';

serveRequests<ParseJob, MinedOutcome>((job) => parseAndMine(job.raw, job.rawHash));

import { hash } from 'node:crypto';
import { LeafHasher } from './leaf.ts';
import { EMPTY_ROOT, MerkleFrontier } from './merkle.ts';

/** Why verification stopped at an entry (stable codes; `describeProblem` words them). */
export type VerifyReason =
  | 'unexpected_entry'
  | 'missing'
  | 'unreadable'
  | 'details_missing'
  | 'details_altered'
  | 'entry_altered'
  | 'not_in_head'
  | 'head_mismatch'
  | 'checkpoint_mismatch'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_beyond_log';

export interface CheckpointToVerify {
  treeSize: number;
  rootHash: string;
  signedAt: string;
  /** Checked before streaming (signatures need the keys, not the entries). */
  signatureValid: boolean;
}

export interface VerifyProblem {
  firstBadSeq: number;
  reason: VerifyReason;
  /** The checkpoint the log no longer matches, for the checkpoint reasons. */
  checkpoint?: { treeSize: number; signedAt: string };
}

export interface VerifierSetup {
  /** Sorted by tree size. */
  checkpoints: CheckpointToVerify[];
  head: { treeSize: number; frontier: string[] } | undefined;
}

export interface VerifierOutcome {
  problem: VerifyProblem | undefined;
  entriesChecked: number;
  treeSize: number;
  rootHash: string;
  checkpointsMatched: number;
}

/**
 * Rebuilds the tree from entries streamed in sequence order and stops at the first problem. Pages are text
 * (one entry a line, fields separated by tabs: seq, recorded_at in ms, actor, organisation, event type,
 * subject, details hash, leaf hash, details), which the database produces fast and this parses fast. No
 * legitimate field holds a tab or a line break, so a tampered field that does shows as an unreadable entry.
 */
export class LogVerifier {
  readonly #frontier = new MerkleFrontier();
  readonly #hasher = new LeafHasher();
  readonly #checkpoints: CheckpointToVerify[];
  readonly #head: VerifierSetup['head'];
  #nextCheckpoint = 0;
  #lastMatched = 0;
  #checkpointsMatched = 0;
  #problem: VerifyProblem | undefined;

  constructor(setup: VerifierSetup) {
    this.#checkpoints = setup.checkpoints;
    this.#head = setup.head;
    this.#checkCheckpointsAt(0);
  }

  get problem(): VerifyProblem | undefined {
    return this.#problem;
  }

  /** Checks one page; returns false once a problem is found (further pages are not needed). */
  consume(page: string): boolean {
    if (this.#problem) return false;
    const headSize = this.#head?.treeSize ?? 0;
    for (const line of page.split('\n')) {
      if (line === '') continue;
      const fields = line.split('\t');
      const expected = this.#frontier.size + 1;
      const seq = Number(fields[0]);
      if (!Number.isSafeInteger(seq)) return this.#fail(expected, 'unreadable');
      if (seq < expected) return this.#fail(seq, 'unexpected_entry');
      if (seq > expected) return this.#fail(expected, 'missing');
      if (seq > headSize) return this.#fail(seq, 'not_in_head');
      if (fields.length !== 9) return this.#fail(seq, 'unreadable');
      const [, recordedAt, actor, organisation, eventType, subject, detailsHash, leafHash, details] = fields as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
      ];
      if (details === '') return this.#fail(seq, 'details_missing');
      if (hash('sha256', details, 'hex') !== detailsHash) return this.#fail(seq, 'details_altered');
      const computed = this.#hasher.hash({
        seq,
        recordedAtMs: Number(recordedAt),
        actorUserId: actor === '' ? null : actor,
        organisationId: organisation === '' ? null : organisation,
        eventType,
        subject,
        detailsHash,
      });
      if (!computed || computed.toString('hex') !== leafHash) return this.#fail(seq, 'entry_altered');
      this.#frontier.append(computed);
      if (!this.#checkCheckpointsAt(seq)) return false;
    }
    return true;
  }

  /** After the last page: the head and the checkpoints beyond the last entry. */
  finish(): VerifierOutcome {
    if (!this.#problem) this.#finalChecks();
    return {
      problem: this.#problem,
      entriesChecked: this.#frontier.size,
      treeSize: this.#frontier.size,
      rootHash: this.#frontier.root().toString('hex'),
      checkpointsMatched: this.#checkpointsMatched,
    };
  }

  #finalChecks(): void {
    const size = this.#frontier.size;
    const head = this.#head ?? { treeSize: 0, frontier: [] };
    if (head.treeSize > size) {
      this.#fail(size + 1, 'missing');
      return;
    }
    const stored = head.frontier.join();
    if (stored !== this.#frontier.hashes.map((h) => h.toString('hex')).join()) {
      this.#fail(this.#lastMatched + 1, 'head_mismatch');
      return;
    }
    const beyond = this.#checkpoints[this.#nextCheckpoint];
    if (beyond) this.#fail(this.#lastMatched + 1, 'checkpoint_beyond_log', beyond);
  }

  /** Compares every checkpoint of this size with the rebuilt root. */
  #checkCheckpointsAt(size: number): boolean {
    let checkpoint = this.#checkpoints[this.#nextCheckpoint];
    while (checkpoint && checkpoint.treeSize <= size) {
      if (!checkpoint.signatureValid) {
        return this.#fail(this.#lastMatched + 1, 'checkpoint_signature_invalid', checkpoint);
      }
      const root = size === 0 ? EMPTY_ROOT : this.#frontier.root();
      if (checkpoint.treeSize !== size || root.toString('hex') !== checkpoint.rootHash) {
        return this.#fail(this.#lastMatched + 1, 'checkpoint_mismatch', checkpoint);
      }
      this.#lastMatched = size;
      this.#checkpointsMatched += 1;
      this.#nextCheckpoint += 1;
      checkpoint = this.#checkpoints[this.#nextCheckpoint];
    }
    return true;
  }

  #fail(firstBadSeq: number, reason: VerifyReason, checkpoint?: CheckpointToVerify): false {
    this.#problem = {
      firstBadSeq,
      reason,
      ...(checkpoint ? { checkpoint: { treeSize: checkpoint.treeSize, signedAt: checkpoint.signedAt } } : {}),
    };
    return false;
  }
}

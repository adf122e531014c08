import { hash } from 'node:crypto';
import { LeafHasher, type LeafSpans, spansOf } from './leaf.ts';
import { EMPTY_ROOT, HASH_BYTES, MerkleFrontier } from './merkle.ts';

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
  | 'checkpoint_beyond_log'
  | 'checkpoint_missing'
  | 'tree_node_altered'
  | 'tree_node_unexpected';

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
  /** The stored tree node (audit_tree_nodes) that does not match the entries, for the tree_node reasons. */
  node?: { level: number; index: number };
}

export interface VerifierSetup {
  /** Sorted by tree size. */
  checkpoints: CheckpointToVerify[];
  head: { treeSize: number; frontier: string[] } | undefined;
  /** The lowest level of the stored tree nodes (those below are never stored). */
  storedNodeMinLevel?: number;
}

export interface VerifierOutcome {
  problem: VerifyProblem | undefined;
  entriesChecked: number;
  treeSize: number;
  rootHash: string;
  checkpointsMatched: number;
}

/** One page of the log as text, which the database produces and this parses fast. */
export interface LogPage {
  /** One entry a line, fields separated by tabs: seq, recorded_at in ms, actor, organisation, event type,
   * subject, details hash, leaf hash. */
  entries: string;
  /** One line per entry of the same seq range: seq, a tab, the details' stored text. */
  details: string;
  /** The stored tree nodes that the entries of this page complete: level, index and hex hash, tab-separated. */
  nodes?: string;
}

/** A page's leaf hashes (32 bytes each, in sequence order) and the problem that stopped it, if any. */
export interface CheckedPage {
  hashes: Uint8Array;
  count: number;
  problem: VerifyProblem | undefined;
  /** The page's stored tree nodes, passed on to the tree checker. */
  nodes?: string | undefined;
}

/**
 * Checks entries streamed in sequence order, page by page: sequence numbers 1, 2, 3… up to the head, each
 * entry's details against its details hash, each leaf hash against the entry. Returns the leaf hashes for
 * the tree and stops at the first problem. No legitimate field holds a tab or a line break, so a tampered
 * field that does shows as an unreadable entry. Most of verification's hashing is here (two hashes an entry,
 * against one for the tree), so it runs in a worker while the main thread reads pages and builds the tree.
 */
export class PageChecker {
  readonly #hasher = new LeafHasher();
  readonly #spans: LeafSpans = spansOf({
    seq: 0,
    recordedAtMs: 0,
    actorUserId: null,
    organisationId: null,
    eventType: '',
    subject: '',
    detailsHash: '',
  });
  readonly #tabs = new Int32Array(7);
  readonly #headSize: number;
  #nextSeq = 1;
  #stopped = false;

  constructor(headSize: number) {
    this.#headSize = headSize;
  }

  check(page: LogPage): CheckedPage {
    let hashes = Buffer.alloc(32 * 1024);
    let count = 0;
    const done = (problem?: VerifyProblem): CheckedPage => {
      if (problem) this.#stopped = true;
      return { hashes: hashes.subarray(0, count * HASH_BYTES), count, problem, nodes: page.nodes };
    };
    if (this.#stopped) return done();
    const text = page.entries;
    const spans = this.#spans;
    spans.actor = spans.organisation = spans.eventType = spans.subject = spans.detailsHash = text;
    const details = new DetailsCursor(page.details);
    const tabs = this.#tabs;
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const line = at;
      at = end + 1;
      if (line === end) continue;
      // Seven tabs split eight fields; the last field is a 64-digit hash, so a tab smuggled into a field shows.
      let fields = 0;
      for (let from = line; fields < 7; fields++) {
        const tab = text.indexOf('\t', from);
        if (tab < 0 || tab >= end) break;
        tabs[fields] = tab;
        from = tab + 1;
      }
      const expected = this.#nextSeq;
      const seq = parseInteger(text, line, fields > 0 ? tabs[0]! : end);
      if (!Number.isSafeInteger(seq)) return done({ firstBadSeq: expected, reason: 'unreadable' });
      if (seq < expected) return done({ firstBadSeq: seq, reason: 'unexpected_entry' });
      if (seq > expected) return done({ firstBadSeq: expected, reason: 'missing' });
      if (seq > this.#headSize) return done({ firstBadSeq: seq, reason: 'not_in_head' });
      if (fields !== 7 || end - tabs[6]! !== 65 || tabs[6]! - tabs[5]! !== 65) {
        return done({ firstBadSeq: seq, reason: 'unreadable' });
      }

      const detailsText = details.textOf(seq);
      if (detailsText === undefined) return done({ firstBadSeq: seq, reason: 'details_missing' });
      if (!text.startsWith(hash('sha256', detailsText, 'hex'), tabs[5]! + 1)) {
        return done({ firstBadSeq: seq, reason: 'details_altered' });
      }

      spans.seq = seq;
      spans.recordedAtMs = parseInteger(text, tabs[0]! + 1, tabs[1]!);
      spans.actorFrom = tabs[1]! + 1;
      spans.actorTo = tabs[2]!;
      spans.organisationFrom = tabs[2]! + 1;
      spans.organisationTo = tabs[3]!;
      spans.eventTypeFrom = tabs[3]! + 1;
      spans.eventTypeTo = tabs[4]!;
      spans.subjectFrom = tabs[4]! + 1;
      spans.subjectTo = tabs[5]!;
      spans.detailsHashFrom = tabs[5]! + 1;
      spans.detailsHashTo = tabs[6]!;
      const computed = this.#hasher.hashSpansHex(spans);
      if (!computed || !text.startsWith(computed, tabs[6]! + 1)) {
        return done({ firstBadSeq: seq, reason: 'entry_altered' });
      }
      if ((count + 1) * HASH_BYTES > hashes.length) {
        const grown = Buffer.alloc(hashes.length * 2);
        grown.set(hashes);
        hashes = grown;
      }
      hashes.write(computed, count * HASH_BYTES, 'hex');
      count += 1;
      this.#nextSeq = seq + 1;
    }
    return done();
  }
}

/**
 * Rebuilds the tree from the checked leaf hashes, in sequence order, and compares it with every signed
 * checkpoint on the way and with the stored head at the end; keeps the first problem, its own or the page
 * checker's. Every interior node it completes is compared with the stored node of that place, if any: proofs
 * are served from those, so a wrong one would make the server prove against another root. A wrong node is
 * reported only when the entries are intact (it is then the cache alone that is wrong).
 */
export class TreeChecker {
  readonly #frontier = new MerkleFrontier();
  readonly #checkpoints: CheckpointToVerify[];
  readonly #head: VerifierSetup['head'];
  readonly #nodeMinLevel: number;
  #nextCheckpoint = 0;
  #lastMatched = 0;
  #checkpointsMatched = 0;
  #problem: VerifyProblem | undefined;
  #nodeProblem: VerifyProblem | undefined;
  #storedNodes = new Map<string, string>();
  readonly #onNode = (level: number, index: number, hash: Buffer) => {
    if (level < this.#nodeMinLevel || this.#nodeProblem) return;
    const stored = this.#storedNodes.get(`${level}:${index}`);
    if (stored !== undefined && stored !== hash.toString('hex')) {
      this.#nodeProblem = { firstBadSeq: index * 2 ** level + 1, reason: 'tree_node_altered', node: { level, index } };
    }
  };

  constructor(setup: VerifierSetup) {
    this.#checkpoints = setup.checkpoints;
    this.#head = setup.head;
    this.#nodeMinLevel = setup.storedNodeMinLevel ?? 1;
    this.#checkCheckpointsAt(0);
  }

  get problem(): VerifyProblem | undefined {
    return this.#problem;
  }

  /** Adds a checked page; returns false once there is a problem (further pages are not needed). */
  add(page: CheckedPage): boolean {
    const hashes = Buffer.from(page.hashes.buffer, page.hashes.byteOffset, page.count * HASH_BYTES);
    this.#storedNodes = parseNodes(page.nodes);
    for (let i = 0; i < page.count && !this.#problem; i++) {
      this.#frontier.append(hashes.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES), this.#onNode);
      this.#checkCheckpointsAt(this.#frontier.size);
    }
    if (page.problem && !this.#problem) this.#problem = page.problem;
    return !this.#problem;
  }

  /** After the last page: the head and the checkpoints beyond the last entry. */
  finish(): VerifierOutcome {
    if (!this.#problem) this.#finalChecks();
    if (!this.#problem) this.#problem = this.#nodeProblem;
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

/** Both checks in one thread, for a log of one page. */
export class LogVerifier {
  readonly #pages: PageChecker;
  readonly #tree: TreeChecker;

  constructor(setup: VerifierSetup) {
    this.#pages = new PageChecker(setup.head?.treeSize ?? 0);
    this.#tree = new TreeChecker(setup);
  }

  get problem(): VerifyProblem | undefined {
    return this.#tree.problem;
  }

  /** Checks one page; returns false once a problem is found (further pages are not needed). */
  consume(page: LogPage): boolean {
    if (this.#tree.problem) return false;
    return this.#tree.add(this.#pages.check(page));
  }

  finish(): VerifierOutcome {
    return this.#tree.finish();
  }
}

/** The stored nodes of a page by `level:index`. */
function parseNodes(text: string | undefined): Map<string, string> {
  const nodes = new Map<string, string>();
  if (!text) return nodes;
  for (const line of text.split('\n')) {
    const [level, index, hash] = line.split('\t');
    nodes.set(`${level}:${index}`, hash ?? '');
  }
  return nodes;
}

/** Walks the details page alongside the entries (both in sequence order). */
class DetailsCursor {
  readonly #text: string;
  #at = 0;

  constructor(text: string) {
    this.#text = text;
  }

  /** The stored details text of entry `seq`, or undefined when it has none. */
  textOf(seq: number): string | undefined {
    const text = this.#text;
    while (this.#at < text.length) {
      let end = text.indexOf('\n', this.#at);
      if (end < 0) end = text.length;
      const tab = text.indexOf('\t', this.#at);
      const lineSeq = tab >= 0 && tab < end ? parseInteger(text, this.#at, tab) : Number.NaN;
      if (lineSeq > seq) return undefined;
      this.#at = end + 1;
      if (lineSeq === seq) return text.slice(tab + 1, end);
    }
    return undefined;
  }
}

/** A decimal integer (optionally negative) written in text[from, to), or NaN. */
function parseInteger(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i += 1;
  if (i >= to || to - i > 16) return Number.NaN;
  let value = 0;
  for (; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return negative ? -value : value;
}

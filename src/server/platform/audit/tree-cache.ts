import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../db/client.ts';
import { inTransaction, lockHead, STORED_NODE_MIN_LEVEL } from './head.ts';
import { MerkleFrontier } from './merkle.ts';
import { auditEntries, auditTreeNodes } from './schema.ts';

const PAGE = 50_000;
const NODES_PER_STATEMENT = 5000;

/**
 * Rebuilds the stored tree nodes (audit_tree_nodes) from the entries' leaf hashes, under the head lock so no
 * append interleaves. The nodes are derived data: only run this once `audit verify` found the entries intact
 * and the cache alone wrong. Refuses (and changes nothing) when the entries do not lead to the head's root.
 */
export async function rebuildTreeNodes(db: Database): Promise<{ nodes: number }> {
  return inTransaction(db, async (tx) => {
    const head = await lockHead(tx);
    const frontier = new MerkleFrontier();
    let nodes: { level: number; index: number; hash: string }[] = [];
    let written = 0;
    const flush = async () => {
      await tx.execute(sql`insert into ${auditTreeNodes} ("level", "index", "hash")
        select r."level", r."index", r."hash"
        from json_to_recordset(${JSON.stringify(nodes)}::json) as r("level" smallint, "index" bigint, "hash" text)`);
      written += nodes.length;
      nodes = [];
    };
    await tx.delete(auditTreeNodes);
    for (let from = 1; from <= head.size; from += PAGE) {
      const [page] = await queryRows<{ hashes: string | null }>(
        tx,
        sql`select string_agg(leaf_hash, '' order by seq) as hashes from ${auditEntries}
            where seq >= ${from} and seq < ${Math.min(from + PAGE, head.size + 1)}`,
      );
      const hashes = page?.hashes ?? '';
      if (hashes.length !== 64 * Math.min(PAGE, head.size + 1 - from)) {
        throw new Error('the log has entries missing: run homeward audit verify');
      }
      for (let at = 0; at < hashes.length; at += 64) {
        frontier.append(Buffer.from(hashes.slice(at, at + 64), 'hex'), (level, index, hash) => {
          if (level >= STORED_NODE_MIN_LEVEL) nodes.push({ level, index, hash: hash.toString('hex') });
        });
      }
      if (nodes.length >= NODES_PER_STATEMENT) await flush();
    }
    if (nodes.length > 0) await flush();
    if (!frontier.root().equals(head.root())) {
      throw new Error('the entries do not lead to the head: run homeward audit verify');
    }
    return { nodes: written };
  });
}

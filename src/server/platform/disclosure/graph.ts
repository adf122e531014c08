/**
 * The figures of a published table seen as the edges of a bipartite graph: every figure (a cell, a row or
 * column total, the grand total) joins the constraint it adds to (its row) with the one it belongs to (its
 * column). Moving a table to another one that agrees with every published figure means changing hidden
 * figures along cycles of this graph, each figure going up or down by one in turn.
 *
 * Each figure gives two arcs: one for "this figure goes up", one for "this figure goes down". A total counts
 * with the opposite sign to the cells it sums, so its arcs point the other way. An arc for going down exists
 * only when the figure is at least 1, since a count cannot be negative.
 *
 * A hidden figure can take a second value, for an attacker who knows every published figure and that counts
 * are non-negative, exactly when one of its arcs closes a directed cycle through hidden figures only. (Any
 * other consistent table differs by a sum of such sign-conformal cycles, so this test is exact.)
 */
export interface Edge {
  /** Node of the constraint on one side (a row, or the totals row). */
  from: number;
  /** Node of the constraint on the other side (a column, or the totals column). */
  to: number;
  /** A total: it goes up when the figures it sums go up, so its arcs run the other way. */
  total: boolean;
  value: number;
}

interface Arc {
  edge: number;
  tail: number;
  head: number;
}

export type Direction = 'up' | 'down';

export function arcOf(edges: readonly Edge[], index: number, direction: Direction): Arc | null {
  const edge = edges[index]!;
  if (direction === 'down' && edge.value < 1) return null;
  const forward = (direction === 'up') !== edge.total;
  return forward ? { edge: index, tail: edge.from, head: edge.to } : { edge: index, tail: edge.to, head: edge.from };
}

function arcsFrom(edges: readonly Edge[], nodeCount: number, usable: (edge: number) => boolean): Arc[][] {
  const outgoing: Arc[][] = Array.from({ length: nodeCount }, () => []);
  for (let index = 0; index < edges.length; index++) {
    if (!usable(index)) continue;
    for (const direction of ['up', 'down'] as const) {
      const arc = arcOf(edges, index, direction);
      if (arc) outgoing[arc.tail]!.push(arc);
    }
  }
  return outgoing;
}

/** Whether the hidden figure `index` can take a second value, given which figures are hidden. */
export function canVary(edges: readonly Edge[], nodeCount: number, hidden: ReadonlySet<number>, index: number) {
  const outgoing = arcsFrom(edges, nodeCount, (edge) => edge !== index && hidden.has(edge));
  return (['up', 'down'] as const).some((direction) => {
    const arc = arcOf(edges, index, direction);
    return arc !== null && reachable(outgoing, arc.head, arc.tail);
  });
}

function reachable(outgoing: Arc[][], start: number, goal: number): boolean {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === goal) return true;
    for (const arc of outgoing[node]!) {
      if (!seen.has(arc.head)) {
        seen.add(arc.head);
        queue.push(arc.head);
      }
    }
  }
  return false;
}

/**
 * The cheapest set of published figures whose hiding lets figure `index` vary: the published edges on the
 * cheapest directed path that closes a cycle through one of its arcs (hidden figures cost nothing). Null when
 * no cycle exists even with every figure hidden.
 */
export function cheapestCover(
  edges: readonly Edge[],
  nodeCount: number,
  hidden: ReadonlySet<number>,
  index: number,
  cost: (edge: number) => number,
): number[] | null {
  const outgoing = arcsFrom(edges, nodeCount, (edge) => edge !== index);
  let best: { cost: number; edges: number[] } | null = null;
  for (const direction of ['up', 'down'] as const) {
    const arc = arcOf(edges, index, direction);
    if (!arc) continue;
    const path = cheapestPath(outgoing, nodeCount, arc.head, arc.tail, (edge) => (hidden.has(edge) ? 0 : cost(edge)));
    if (path && (!best || path.cost < best.cost)) best = path;
  }
  return best ? best.edges.filter((edge) => !hidden.has(edge)) : null;
}

/** Dijkstra over a small graph (nodes are rows and columns, so a plain array scan is fast enough). */
function cheapestPath(
  outgoing: Arc[][],
  nodeCount: number,
  start: number,
  goal: number,
  weight: (edge: number) => number,
): { cost: number; edges: number[] } | null {
  const distance = new Array<number>(nodeCount).fill(Number.POSITIVE_INFINITY);
  const via = new Array<Arc | null>(nodeCount).fill(null);
  const done = new Array<boolean>(nodeCount).fill(false);
  distance[start] = 0;
  for (;;) {
    let node = -1;
    for (let candidate = 0; candidate < nodeCount; candidate++) {
      if (!done[candidate] && distance[candidate]! < Number.POSITIVE_INFINITY) {
        if (node === -1 || distance[candidate]! < distance[node]!) node = candidate;
      }
    }
    if (node === -1) return null;
    if (node === goal) break;
    done[node] = true;
    for (const arc of outgoing[node]!) {
      const through = distance[node]! + weight(arc.edge);
      if (through < distance[arc.head]!) {
        distance[arc.head] = through;
        via[arc.head] = arc;
      }
    }
  }
  const edges: number[] = [];
  for (let node = goal; node !== start; ) {
    const arc = via[node]!;
    edges.push(arc.edge);
    node = arc.tail;
  }
  return { cost: distance[goal]!, edges: edges.reverse() };
}

// What a forward pass allocates, kept for the next pass: the Monte Carlo forecast runs a hundred
// or more passes over the same plan, and fresh arrays per pass cost garbage collection. Also
// tables every pass reads, built once: the dependency edges as flat arrays and each lane's hours
// per day. A pass in buffers returns them as its result: read it before the next pass.
import type { WorkCalendar } from './calendar.js';
import type { DayNum } from './dates.js';
import type { PassResult } from './forward.js';
import type { Graph } from './graph.js';
import { Heap } from './heap.js';

/** Dependency edges as flat arrays (CSR): successors of i are at [succAt[i], succAt[i + 1]). */
export interface FlatEdges {
  succAt: Int32Array;
  succ: Int32Array;
  succLag: Float64Array;
  succSameDay: Uint8Array;
  predAt: Int32Array;
  pred: Int32Array;
  predSameDay: Uint8Array;
}

const flatCache = new WeakMap<Graph, FlatEdges>();

/** The graph's edges as flat arrays (built once per graph). */
export function flatEdges(graph: Graph): FlatEdges {
  let f = flatCache.get(graph);
  if (f) return f;
  const n = graph.succs.length;
  const flat = (lists: Graph['succs']) => {
    const at = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) at[i + 1] = at[i] + lists[i].length;
    const other = new Int32Array(at[n]);
    const lag = new Float64Array(at[n]);
    const sameDay = new Uint8Array(at[n]);
    for (let i = 0; i < n; i++) {
      let k = at[i];
      for (const e of lists[i]) {
        other[k] = e.other;
        lag[k] = e.lag;
        sameDay[k] = e.sameDay ? 1 : 0;
        k++;
      }
    }
    return { at, other, lag, sameDay };
  };
  const s = flat(graph.succs);
  const p = flat(graph.preds);
  f = { succAt: s.at, succ: s.other, succLag: s.lag, succSameDay: s.sameDay, predAt: p.at, pred: p.other, predSameDay: p.sameDay };
  flatCache.set(graph, f);
  return f;
}

/**
 * Each lane's hours on each day (`cal.laneHours`), looked up once and then read from a table:
 * blocks of 64 days from `from` on, each made whole when first asked for. (No field of this object changes
 * after it is made: V8 would otherwise recompile the passes that read it.)
 */
export class LaneDayHours {
  private readonly blocks: (Float64Array | null)[] = [null]; // holds objects from the start
  constructor(
    private readonly cal: WorkCalendar,
    private readonly lanes: string[],
    private readonly from: DayNum,
  ) {}

  at(l: number, d: DayNum): number {
    const k = d - this.from;
    if (k < 0) return this.cal.laneHours(this.lanes[l], d);
    const block = this.blocks[k >> 6] ?? this.fill(k >> 6);
    return block[(k & 63) * this.lanes.length + l];
  }

  /** Block b: every lane's hours on the 64 days from from + 64 b (rarely called, kept out of `at`). */
  private fill(b: number): Float64Array {
    const L = this.lanes.length;
    const block = new Float64Array(64 * L);
    for (let j = 0; j < 64; j++) for (let l = 0; l < L; l++) block[j * L + l] = this.cal.laneHours(this.lanes[l], this.from + 64 * b + j);
    while (this.blocks.length <= b) this.blocks.push(null);
    this.blocks[b] = block;
    return block;
  }
}

/**
 * A pass's result, as a class rather than an object literal: V8 gives a literal's fields a looser
 * type the second time it is made, which threw away the forward pass's optimised code mid-run.
 */
class BufferedResult implements PassResult {
  constructor(
    readonly start: Float64Array,
    readonly end: Float64Array,
    readonly ready: Float64Array,
    readonly extEnd: Float64Array,
    readonly seq: Int32Array,
    readonly driver: Int32Array,
    readonly laneSeq: number[][],
    readonly booked: Map<DayNum, number>[],
    readonly unfinished: number[],
  ) {}
}

/** Scratch arrays for passes over n issues and L lanes. */
export class PassBuffers {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly ready: Float64Array;
  readonly extEnd: Float64Array;
  readonly extReady: Float64Array;
  readonly relAt: Float64Array;
  readonly relDay: Float64Array;
  readonly relBy: Int32Array;
  readonly seq: Int32Array;
  readonly driver: Int32Array;
  readonly left: Float64Array;
  readonly started: Uint8Array;
  readonly pendingPreds: Int32Array;
  readonly latest: Float64Array;
  readonly path: Float64Array;
  readonly laneSeq: number[][];
  readonly lastIssue: Int32Array;
  readonly lastEnd: Float64Array;
  readonly hours: Float64Array;
  readonly budget: Float64Array;
  readonly clock: Float64Array;
  readonly at: Float64Array;
  readonly state: Uint8Array;
  readonly active: Int32Array;
  readonly stash: number[][];
  /** Per lane: the ready queue and the queue of later releases (each pass sets their order). */
  readonly heaps: Heap<number>[];
  readonly later: Heap<number>[];
  readonly readyNow: number[] = [];
  readonly booked: Map<DayNum, number>[];
  readonly unfinished: number[] = [];
  /** What a pass in these buffers returns: views of the arrays above. */
  readonly result: PassResult;

  constructor(
    readonly n: number,
    readonly L: number,
  ) {
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.ready = new Float64Array(n);
    this.extEnd = new Float64Array(n);
    this.extReady = new Float64Array(n);
    this.relAt = new Float64Array(n);
    this.relDay = new Float64Array(n);
    this.relBy = new Int32Array(n);
    this.seq = new Int32Array(n);
    this.driver = new Int32Array(n);
    this.left = new Float64Array(n);
    this.started = new Uint8Array(n);
    this.pendingPreds = new Int32Array(n);
    this.latest = new Float64Array(n);
    this.path = new Float64Array(n);
    this.laneSeq = Array.from({ length: L }, () => []);
    this.lastIssue = new Int32Array(L);
    this.lastEnd = new Float64Array(L);
    this.hours = new Float64Array(L);
    this.budget = new Float64Array(L);
    this.clock = new Float64Array(L);
    this.at = new Float64Array(L);
    this.state = new Uint8Array(L);
    this.active = new Int32Array(L);
    this.stash = Array.from({ length: L }, () => []);
    // Made here, not by the pass: an array that starts empty and later takes heaps changes its
    // shape mid-run, which made V8 throw away its optimised forward pass and compile it again.
    const unordered = () => false;
    this.heaps = Array.from({ length: L }, () => new Heap<number>(unordered));
    this.later = Array.from({ length: L }, () => new Heap<number>(unordered));
    this.booked = Array.from({ length: L }, () => new Map());
    this.result = new BufferedResult(this.start, this.end, this.ready, this.extEnd, this.seq, this.driver, this.laneSeq, this.booked, this.unfinished);
  }
}

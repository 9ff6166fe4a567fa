/**
 * Where each record mark should be: its stage's column, its partition's row (or its leader's lane once in a
 * request), and inside its batch's box while in the RecordAccumulator. Marks of one place are spread by their
 * ordinal on a low-discrepancy sequence, so they neither pile up nor jump about between snapshots. Rebuilt once per
 * snapshot; `place` writes into `x`/`y` instead of returning objects, so placing thousands of marks allocates nothing.
 */
import type { PartitionQueueView } from '../../model/run/RunSnapshot';
import { dequeArea, forEachBatchBox } from '../stages/accumulator/dequeGeometry';
import { type DiagramLayout, nodeCentre, rowCentre, type Span } from './layout';
import {
  STAGE_ACCUMULATOR,
  STAGE_ACKED,
  STAGE_FAILED,
  STAGE_IN_FLIGHT,
  STAGE_REQUEST,
} from './markCodes';

/** Plastic-number (R2) steps: evenly spread fractions for the n-th mark of a place. */
const R2_X = 0.7548776662466927;
const R2_Y = 0.5698402909980532;
/** Counters per place; ordinals above wrap (positions repeat, harmlessly). */
const MAX_PLACES = 4096;

export class MarkTargets {
  /** The last `place` result. */
  x = 0;
  y = 0;
  private layout: DiagramLayout;
  private readonly batchIndex = new Map<number, number>();
  private batchX0 = new Float32Array(64);
  private batchX1 = new Float32Array(64);
  private batchCount = 0;
  /** Ordinal counters: batches, then nodes, then partitions, then one shared slot. */
  private readonly ordinals = new Int32Array(MAX_PLACES);

  constructor(layout: DiagramLayout) {
    this.layout = layout;
  }

  /** Where the n-th new mark starts: at the application, which called send(). */
  get spawnX(): number {
    return centre(this.layout.stages.application);
  }

  get spawnY(): number {
    return (this.layout.bodyY0 + this.layout.bodyY1) / 2;
  }

  /** New geometry and the accumulator's batches of the snapshot about to be placed; resets the ordinals. */
  reset(
    layout: DiagramLayout,
    accumulator: readonly PartitionQueueView[],
    batchSize: number,
  ): void {
    this.layout = layout;
    this.batchIndex.clear();
    this.batchCount = 0;
    const area = dequeArea(layout);
    for (const queue of accumulator) {
      forEachBatchBox(area, queue.batches, batchSize, (batch, x0, x1) => {
        this.addBatch(batch.id, x0, x1);
      });
    }
    this.ordinals.fill(0);
  }

  /** Computes the target of one mark into `x`, `y`. */
  place(stage: number, partition: number, node: number, batchId: number): void {
    const layout = this.layout;
    const s = layout.stages;
    switch (stage) {
      case STAGE_ACCUMULATOR: {
        const slot = this.batchIndex.get(batchId);
        if (slot === undefined) {
          // A batch past the visible deque: wait at the deque's tail end.
          const area = dequeArea(layout);
          this.spread(
            area.x0,
            area.x0 + 8,
            rowCentre(layout, partition),
            this.rowJitter(),
            this.partitionSlot(partition),
          );
        } else {
          const x0 = this.batchX0[slot];
          const x1 = this.batchX1[slot];
          const inset = Math.min(3, (x1 - x0) / 4);
          this.spread(x0 + inset, x1 - inset, rowCentre(layout, partition), this.rowJitter(), slot);
        }
        return;
      }
      case STAGE_REQUEST:
        this.spread(
          s.sender.x1 - 28,
          s.sender.x1 - 6,
          nodeCentre(layout, node),
          this.laneJitter(),
          this.nodeSlot(node),
        );
        return;
      case STAGE_IN_FLIGHT: {
        const w = s.network.x1 - s.network.x0;
        this.spread(
          s.network.x0 + 0.12 * w,
          s.network.x1 - 0.12 * w,
          nodeCentre(layout, node),
          this.laneJitter(),
          this.nodeSlot(node),
        );
        return;
      }
      case STAGE_ACKED:
      case STAGE_FAILED: {
        const w = s.callbacks.x1 - s.callbacks.x0;
        const y = partition < 0 ? this.spawnY : rowCentre(layout, partition);
        this.spread(
          s.callbacks.x0 + 0.2 * w,
          s.callbacks.x1 - 0.2 * w,
          y,
          this.rowJitter(),
          this.partitionSlot(partition),
        );
        return;
      }
      default:
        // STAGE_SENDING: before the partitioner (no partition yet) or waiting to be appended.
        if (partition >= 0) {
          const p = s.partitioner;
          this.spread(
            p.x1 - 22,
            p.x1 - 6,
            rowCentre(layout, partition),
            this.rowJitter(),
            this.partitionSlot(partition),
          );
        } else {
          const a = s.application;
          this.spread(
            a.x0 + 0.3 * (a.x1 - a.x0),
            a.x1 - 0.3 * (a.x1 - a.x0),
            this.spawnY,
            16,
            MAX_PLACES - 1,
          );
        }
    }
  }

  private addBatch(id: number, x0: number, x1: number): void {
    if (this.batchCount === this.batchX0.length) {
      const grow = (a: Float32Array) => {
        const b = new Float32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.batchX0 = grow(this.batchX0);
      this.batchX1 = grow(this.batchX1);
    }
    this.batchX0[this.batchCount] = x0;
    this.batchX1[this.batchCount] = x1;
    this.batchIndex.set(id, this.batchCount);
    this.batchCount++;
  }

  /** Writes a point spread over [x0, x1] × [y − jitter, y + jitter] by the place's next ordinal. */
  private spread(x0: number, x1: number, y: number, jitter: number, place: number): void {
    let n = 0;
    if (place >= 0 && place < MAX_PLACES) n = this.ordinals[place]++;
    const fx = (0.5 + n * R2_X) % 1;
    const fy = (0.5 + n * R2_Y) % 1;
    this.x = x0 + (x1 - x0) * fx;
    this.y = y + jitter * (2 * fy - 1);
  }

  private rowJitter(): number {
    return Math.min(14, this.layout.rowHeight * 0.3);
  }

  private laneJitter(): number {
    const box = this.layout.brokers[0];
    return box === undefined ? 8 : Math.min(18, (box.y1 - box.y0) * 0.3);
  }

  /** Ordinal slots: batches first (up to batchCount), then nodes, then partitions. */
  private nodeSlot(node: number): number {
    return node < 0 ? MAX_PLACES - 1 : Math.min(MAX_PLACES - 2, this.batchCount + node);
  }

  private partitionSlot(partition: number): number {
    if (partition < 0) return MAX_PLACES - 1;
    return Math.min(MAX_PLACES - 2, this.batchCount + this.layout.brokers.length + partition);
  }
}

function centre(span: Span): number {
  return (span.x0 + span.x1) / 2;
}

/**
 * The pipeline diagram's geometry, as one pure function of the drawing area and the cluster's shape: each stage's
 * x-range (left to right, in the order a record travels), the partition rows shared by the Partitioner, the
 * RecordAccumulator and the Callback column, and one box per broker (whose centre is also the node's lane in the
 * Sender and NetworkClient columns). The SVG stages and the canvas of record marks both read it, so a mark's target
 * and the box it belongs to can never disagree.
 */

export type StageId =
  | 'application'
  | 'interceptors'
  | 'serializer'
  | 'partitioner'
  | 'accumulator'
  | 'sender'
  | 'network'
  | 'brokers'
  | 'callbacks';

/** The stages in the order a record meets them. */
export const STAGE_ORDER: readonly StageId[] = [
  'application',
  'interceptors',
  'serializer',
  'partitioner',
  'accumulator',
  'sender',
  'network',
  'brokers',
  'callbacks',
];

/** Relative widths; the accumulator and the brokers carry the most detail. */
const STAGE_WEIGHT: Readonly<Record<StageId, number>> = {
  application: 1.1,
  interceptors: 0.9,
  serializer: 0.9,
  partitioner: 1.2,
  accumulator: 3.4,
  sender: 1.3,
  network: 1,
  brokers: 2.8,
  callbacks: 0.9,
};

/**
 * Below this the diagram does not shrink further (its container scrolls instead). A 1280 px window beside the
 * settings sidebar leaves about 880 px.
 */
export const MIN_WIDTH = 760;
export const MIN_HEIGHT = 240;
/** Used where the container cannot be measured (jsdom, first render). */
export const FALLBACK_WIDTH = 1280;
export const FALLBACK_HEIGHT = 520;

/** Stage titles and subtitles. */
export const HEADER_HEIGHT = 56;
/** Under the rows: the BufferPool gauge and the Sender's retries. */
export const FOOTER_HEIGHT = 46;
/** Rows thinner than this lose their per-row text; labels then appear every n-th row. */
export const MIN_LABELLED_ROW = 16;
/** Rows never grow beyond this (one partition should not fill the screen). */
export const MAX_ROW = 80;
const GAP = 6;

export interface Span {
  readonly x0: number;
  readonly x1: number;
}

export interface BrokerBox {
  readonly id: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  /** Vertical centre: the node's lane in the Sender and NetworkClient columns. */
  readonly cy: number;
}

export interface DiagramLayout {
  readonly width: number;
  readonly height: number;
  readonly stages: Readonly<Record<StageId, Span>>;
  /** Whether the Interceptors stage has any width (interceptor.classes set). */
  readonly interceptors: boolean;
  /** The band of partition rows and broker boxes. */
  readonly bodyY0: number;
  readonly bodyY1: number;
  /** The band under it (BufferPool gauge, retries). */
  readonly footerY0: number;
  readonly partitions: number;
  /** Top of row 0; row p spans rowY0 + p·rowHeight … + rowHeight. */
  readonly rowY0: number;
  readonly rowHeight: number;
  /** Rows are condensed (no per-row text) when rowHeight < MIN_LABELLED_ROW. */
  readonly condensed: boolean;
  /** Partition labels are drawn for every n-th row (1 = all). */
  readonly labelEvery: number;
  readonly brokers: readonly BrokerBox[];
}

export interface LayoutOptions {
  /** Give the Interceptors stage room (interceptor.classes is set). */
  readonly interceptors?: boolean;
}

/**
 * Lays out the diagram for a `width` × `height` px area, `partitions` rows and `brokers` broker boxes.
 * Invariants: stage spans are contiguous from 0 to `width`, in STAGE_ORDER; rows and boxes lie in the body band.
 */
export function computeLayout(
  width: number,
  height: number,
  partitions: number,
  brokers: number,
  options: LayoutOptions = {},
): DiagramLayout {
  const w = Math.max(MIN_WIDTH, finiteOr(width, FALLBACK_WIDTH));
  const h = Math.max(MIN_HEIGHT, finiteOr(height, FALLBACK_HEIGHT));
  const interceptors = options.interceptors === true;
  const stages = stageSpans(w, interceptors);

  const bodyY0 = HEADER_HEIGHT + GAP;
  const bodyY1 = h - FOOTER_HEIGHT - GAP;
  const band = bodyY1 - bodyY0;
  const rowCount = Math.max(1, Math.floor(partitions));
  const rowHeight = Math.min(MAX_ROW, band / rowCount);
  const condensed = rowHeight < MIN_LABELLED_ROW;
  let labelEvery = 1;
  while (labelEvery * rowHeight < MIN_LABELLED_ROW) labelEvery *= 2;

  return {
    width: w,
    height: h,
    stages,
    interceptors,
    bodyY0,
    bodyY1,
    footerY0: bodyY1 + GAP,
    partitions: rowCount,
    rowY0: bodyY0,
    rowHeight,
    condensed,
    labelEvery,
    brokers: brokerBoxes(stages.brokers, bodyY0, bodyY1, Math.max(1, Math.floor(brokers))),
  };
}

/** Centre y of partition `p`'s row (partitions outside the topic clamp to the nearest row). */
export function rowCentre(layout: DiagramLayout, partition: number): number {
  const p = Math.min(layout.partitions - 1, Math.max(0, partition));
  return layout.rowY0 + (p + 0.5) * layout.rowHeight;
}

/** Centre y of broker `node`'s box, or the body's middle for an unknown node. */
export function nodeCentre(layout: DiagramLayout, node: number): number {
  const box = layout.brokers[node];
  return box === undefined ? (layout.bodyY0 + layout.bodyY1) / 2 : box.cy;
}

/** Whether row `p` gets a text label. */
export function rowLabelled(layout: DiagramLayout, partition: number): boolean {
  return partition % layout.labelEvery === 0;
}

function stageSpans(width: number, interceptors: boolean): Record<StageId, Span> {
  let total = 0;
  for (const id of STAGE_ORDER) total += weightOf(id, interceptors);
  const spans = {} as Record<StageId, Span>;
  let x = 0;
  for (const id of STAGE_ORDER) {
    const x1 = id === 'callbacks' ? width : x + (width * weightOf(id, interceptors)) / total;
    spans[id] = { x0: x, x1 };
    x = x1;
  }
  return spans;
}

function weightOf(id: StageId, interceptors: boolean): number {
  return id === 'interceptors' && !interceptors ? 0 : STAGE_WEIGHT[id];
}

function brokerBoxes(span: Span, y0: number, y1: number, count: number): BrokerBox[] {
  const gap = count > 6 ? 3 : GAP;
  const boxHeight = (y1 - y0 - gap * (count - 1)) / count;
  const boxes: BrokerBox[] = [];
  for (let id = 0; id < count; id++) {
    const top = y0 + id * (boxHeight + gap);
    boxes.push({
      id,
      x0: span.x0 + GAP,
      x1: span.x1 - GAP,
      y0: top,
      y1: top + boxHeight,
      cy: top + boxHeight / 2,
    });
  }
  return boxes;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

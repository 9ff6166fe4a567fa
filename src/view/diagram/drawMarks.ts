/**
 * Paints the record marks of a MarkField on a 2D context, colour by colour (so the fill style changes at most nine
 * times a frame, not once per mark): squares for records on their way or acknowledged, crosses for failed ones,
 * and a ring (a dark line on a light halo, so it shows on any mark) around the record the inspector looks at.
 * Takes the few context methods it uses, so tests can count calls without a real canvas.
 */
import { type MarkField, PALETTE_SIZE, SHAPE_CROSS } from './markField';

export type MarkContext = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'fillRect' | 'moveTo' | 'lineTo' | 'stroke' | 'clearRect'
> & {
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  lineWidth: number;
};

/**
 * Okabe–Ito, used when the page's --cat-n variables cannot be read, then the neutral colour (--muted), the
 * failed records' cross (--bad), and the selection ring (--fg) with its halo (--panel).
 */
export const FALLBACK_PALETTE: readonly string[] = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#F0E442',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#000000',
  '#8a8f98',
  '#c0392b',
  '#16191d',
  '#ffffff',
];

/** Marks' half-size in CSS px. */
export const MARK_RADIUS = 2.5;

/** Clears the context and draws every mark; returns how many were drawn. */
export function drawMarks(
  ctx: MarkContext,
  field: MarkField,
  palette: readonly string[],
  width: number,
  height: number,
): number {
  ctx.clearRect(0, 0, width, height);
  const n = field.count;
  const { x, y, colour, shape } = field;
  const r = MARK_RADIUS;
  const size = 2 * r;
  let crosses = 0;
  for (let c = 0; c < PALETTE_SIZE; c++) {
    let styled = false;
    for (let i = 0; i < n; i++) {
      if (colour[i] !== c) continue;
      if (shape[i] === SHAPE_CROSS) {
        crosses++;
        continue;
      }
      if (!styled) {
        ctx.fillStyle = palette[c] ?? FALLBACK_PALETTE[c];
        styled = true;
      }
      // Whole-pixel squares: a software canvas blits them without anti-aliasing, far cheaper than a path fill.
      ctx.fillRect(Math.round(x[i] - r), Math.round(y[i] - r), size, size);
    }
  }
  if (crosses > 0) {
    ctx.beginPath();
    for (let i = 0; i < n; i++) {
      if (shape[i] !== SHAPE_CROSS) continue;
      ctx.moveTo(x[i] - r, y[i] - r);
      ctx.lineTo(x[i] + r, y[i] + r);
      ctx.moveTo(x[i] + r, y[i] - r);
      ctx.lineTo(x[i] - r, y[i] + r);
    }
    ctx.strokeStyle = palette[CROSS_INDEX] ?? FALLBACK_PALETTE[CROSS_INDEX];
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
  const selected = field.selectedSlot;
  if (selected >= 0 && selected < n) {
    ring(ctx, x[selected], y[selected], palette[HALO_INDEX] ?? FALLBACK_PALETTE[HALO_INDEX], 4);
    ring(ctx, x[selected], y[selected], palette[RING_INDEX] ?? FALLBACK_PALETTE[RING_INDEX], 2);
  }
  return n;
}

/** The selection ring's radius, CSS px. */
export const RING_RADIUS = 7;
/** A 16-gon reads as a circle at this size, and needs only moveTo/lineTo. */
const RING_SIDES = 16;
const RING_COS = Float32Array.from({ length: RING_SIDES + 1 }, (_, i) =>
  Math.cos((2 * Math.PI * i) / RING_SIDES),
);
const RING_SIN = Float32Array.from({ length: RING_SIDES + 1 }, (_, i) =>
  Math.sin((2 * Math.PI * i) / RING_SIDES),
);

function ring(ctx: MarkContext, cx: number, cy: number, colour: string, width: number): void {
  ctx.beginPath();
  ctx.moveTo(cx + RING_RADIUS, cy);
  for (let i = 1; i <= RING_SIDES; i++) {
    ctx.lineTo(cx + RING_RADIUS * RING_COS[i], cy + RING_RADIUS * RING_SIN[i]);
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}

const NEUTRAL_INDEX = PALETTE_SIZE - 1;
const CROSS_INDEX = PALETTE_SIZE;
const RING_INDEX = PALETTE_SIZE + 1;
const HALO_INDEX = PALETTE_SIZE + 2;

/** Reads --cat-0 … --cat-7, --muted, --bad, --fg and --panel from the element's computed style (else Okabe–Ito). */
export function readPalette(element: Element): string[] {
  const style = getComputedStyle(element);
  const out: string[] = [];
  for (let c = 0; c <= HALO_INDEX; c++) {
    const name = paletteVariable(c);
    const value = style.getPropertyValue(name).trim();
    out.push(value === '' ? FALLBACK_PALETTE[c] : value);
  }
  return out;
}

function paletteVariable(c: number): string {
  if (c === HALO_INDEX) return '--panel';
  if (c === RING_INDEX) return '--fg';
  if (c === CROSS_INDEX) return '--bad';
  return c === NEUTRAL_INDEX ? '--muted' : `--cat-${c}`;
}

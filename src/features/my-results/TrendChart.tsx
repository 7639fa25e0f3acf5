// A line chart of saved scores over time, drawn with SVG attributes only (the CSP blocks style attributes);
// colors come from the theme variables through classes in my-results.css.

/** One point of the chart. */
export interface TrendPoint {
  score: number;
  /** Short date shown under the first and last points. */
  label: string;
}

const WIDTH = 320;
const HEIGHT = 170;
const LEFT = 34;
const RIGHT = 14;
const TOP = 12;
const BOTTOM = 138;
const GRID = [0, 25, 50, 75, 100];

/** The y coordinate of a score. */
function yFor(score: number): number {
  return BOTTOM - ((BOTTOM - TOP) * score) / 100;
}

/** The x coordinate of the point at `index` of `count`, spread evenly; a single point sits in the middle. */
function xFor(index: number, count: number): number {
  if (count < 2) return (LEFT + WIDTH - RIGHT) / 2;
  return LEFT + ((WIDTH - RIGHT - LEFT) * index) / (count - 1);
}

interface TrendChartProps {
  points: readonly TrendPoint[];
  /** The text equivalent, read instead of the drawing. */
  label: string;
}

/** Scores from 0 to 100, oldest on the left. */
export function TrendChart({ points, label }: TrendChartProps) {
  const coordinates = points.map((point, index) => [xFor(index, points.length), yFor(point.score)] as const);
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <svg class="trend" role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%">
      {GRID.map((score) => (
        <g key={score}>
          <line class="trend-grid" x1={LEFT} x2={WIDTH - RIGHT} y1={yFor(score)} y2={yFor(score)} />
          <text class="trend-axis" x={LEFT - 6} y={yFor(score) + 4} text-anchor="end">
            {score}
          </text>
        </g>
      ))}
      {coordinates.length > 1 && (
        <polyline class="trend-line" fill="none" points={coordinates.map(([x, y]) => `${x},${y}`).join(' ')} />
      )}
      {coordinates.map(([x, y], index) => (
        <circle key={index} class="trend-point" cx={x} cy={y} r="4.5" />
      ))}
      {first && (
        <text class="trend-axis" x={xFor(0, points.length)} y={HEIGHT - 12} text-anchor={points.length > 1 ? 'start' : 'middle'}>
          {first.label}
        </text>
      )}
      {last && points.length > 1 && (
        <text class="trend-axis" x={WIDTH - RIGHT} y={HEIGHT - 12} text-anchor="end">
          {last.label}
        </text>
      )}
    </svg>
  );
}

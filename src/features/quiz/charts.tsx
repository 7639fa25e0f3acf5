import type { QuizBand } from './quiz-schema';

// Charts draw with SVG attributes only: the CSP blocks style attributes, and colors come from the
// site's theme variables through classes in quiz.css.

const GAUGE_CENTER_X = 100;
const GAUGE_CENTER_Y = 100;
const GAUGE_RADIUS = 80;

/** The point on the gauge's half circle for a score from 0 (left) to 100 (right). */
function gaugePoint(score: number, radius = GAUGE_RADIUS): [number, number] {
  const angle = Math.PI * (1 - score / 100);
  const x = GAUGE_CENTER_X + radius * Math.cos(angle);
  const y = GAUGE_CENTER_Y - radius * Math.sin(angle);
  return [Math.round(x * 100) / 100, Math.round(y * 100) / 100];
}

/** The arc of the gauge from 0 up to `score`. */
function gaugeArc(score: number): string {
  const [startX, startY] = gaugePoint(0);
  const [endX, endY] = gaugePoint(score);
  return `M ${startX} ${startY} A ${GAUGE_RADIUS} ${GAUGE_RADIUS} 0 0 1 ${endX} ${endY}`;
}

interface ScoreGaugeProps {
  score: number;
  bands: readonly QuizBand[];
  /** The text equivalent, read instead of the drawing. */
  label: string;
}

/** The total score as a half-circle gauge with a mark at each band boundary. */
export function ScoreGauge({ score, bands, label }: ScoreGaugeProps) {
  return (
    <svg class="gauge" role="img" aria-label={label} viewBox="0 0 200 118" width="240" height="142">
      <path class="gauge-track" d={gaugeArc(100)} fill="none" stroke-width="18" />
      {score > 0 && <path class="gauge-value" d={gaugeArc(score)} fill="none" stroke-width="18" />}
      {bands.slice(1).map((band) => {
        const [innerX, innerY] = gaugePoint(band.min - 0.5, GAUGE_RADIUS - 12);
        const [outerX, outerY] = gaugePoint(band.min - 0.5, GAUGE_RADIUS + 12);
        return <line key={band.id} class="gauge-tick" x1={innerX} y1={innerY} x2={outerX} y2={outerY} stroke-width="2" />;
      })}
      <text class="gauge-number" x={GAUGE_CENTER_X} y="92" text-anchor="middle">
        {score}
      </text>
      <text class="gauge-scale" x={GAUGE_CENTER_X} y="112" text-anchor="middle">
        out of 100
      </text>
    </svg>
  );
}

interface ScoreBarProps {
  score: number;
  label: string;
}

/** One score from 0 to 100 as a horizontal bar. */
export function ScoreBar({ score, label }: ScoreBarProps) {
  return (
    <svg class="bar" role="img" aria-label={label} viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="14">
      <rect class="bar-track" x="0" y="0" width="100" height="10" rx="2" />
      {score > 0 && <rect class="bar-value" x="0" y="0" width={score} height="10" rx="2" />}
    </svg>
  );
}

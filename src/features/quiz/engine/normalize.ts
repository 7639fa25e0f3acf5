/** Converts a sum of item scores (each 1-5) over `itemCount` items to 0-100, rounding halves up. */
export function normalizeScore(scoreSum: number, itemCount: number): number {
  // Multiply before dividing: with an integer numerator and denominator an exact half (12.5) stays exact,
  // whereas (sum - n) / 4n * 100 can land on 12.4999… and round the wrong way.
  return Math.round(((scoreSum - itemCount) * 100) / (4 * itemCount));
}
